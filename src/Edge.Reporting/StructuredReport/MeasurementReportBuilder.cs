using Edge.Dicom;
using Edge.Inference.Screening;
using Edge.Reporting.Dicom;

namespace Edge.Reporting.StructuredReport;

/// <summary>
/// Builds a Comprehensive 3D SR following TID 1500 (Measurement Report), PS3.16:
/// <code>
/// CONTAINER Imaging Measurement Report (TID 1500)
///   language; observer context: the device (TID 1004); procedure reported: CT
///   CONTAINER Image Library (TID 1600): every source image
///   CONTAINER Imaging Measurements (suspicious and negative results)
///     CONTAINER Measurement Group per finding (TID 1411): tracking id/UID, finding, referenced SEG segment,
///       source series, finding site, algorithm (TID 4019), volume, maximum diameter, mean probability, centre
///     CONTAINER Measurement Group for the case (TID 1501): algorithm, probability of the case
///   CONTAINER Qualitative Evaluations: decision, CAD processing summary, comment (reason, operating point, banner)
/// </code>
/// Negative, not-eligible and failed results give the same document with what applies: it says what was decided.
/// </summary>
internal static partial class MeasurementReportBuilder
{
    /// <summary>DICOM Mapping Resource (DCMR) UID, PS3.16 §8.</summary>
    private const string DcmrUid = "1.2.840.10008.8.1.1";

    public static DicomDataset Build(
        CompositeContext context,
        ResultReportRequest request,
        ReportingOptions options,
        IReadOnlyList<TrackedFinding> findings,
        string? segmentationSopInstanceUid,
        string seriesDescription)
    {
        string sop = context.Uids.For("sr");
        DicomDataset ds = context.Create(DicomUids.Comprehensive3DSRStorage, sop, "SR", context.Uids.For("sr/series"), 1, seriesDescription, 1);
        ds.SetSequence(DicomTags.ReferencedPerformedProcedureStepSequence);
        ds.AddOrUpdate(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE");
        ds.AddOrUpdate(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED");
        ds.SetSequence(DicomTags.PerformedProcedureCodeSequence);
        ds.SetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence, Evidence(context, segmentationSopInstanceUid));

        ds.AddOrUpdate(DicomTags.ValueType, DicomVR.CS, "CONTAINER");
        CodeItems.Set(ds, DicomTags.ConceptNameCodeSequence, ReportingCodes.ImagingMeasurementReport);
        ds.AddOrUpdate(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        ds.SetSequence(DicomTags.ContentTemplateSequence, Template());
        ds.SetSequence(DicomTags.ContentSequence, [.. Content(request, options, findings, segmentationSopInstanceUid)]);
        return ds;
    }

    private static IEnumerable<DicomDataset> Content(ResultReportRequest request, ReportingOptions options, IReadOnlyList<TrackedFinding> findings, string? segmentation)
    {
        yield return SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.LanguageOfContent, ReportingCodes.English);
        foreach (DicomDataset item in ObserverContext(request, options))
        {
            yield return item;
        }

        yield return SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.ProcedureReported, ReportingCodes.ComputedTomographyProcedure);
        yield return ImageLibrary(request);
        if (request.Result.Decision is ScreeningDecision.Suspicious or ScreeningDecision.Negative)
        {
            yield return SrContent.Container(SrRelationship.Contains, ReportingCodes.ImagingMeasurements,
                [.. findings.Select(f => FindingGroup(request, f, segmentation)), CaseGroup(request)]);
        }

        yield return SrContent.Container(SrRelationship.Contains, ReportingCodes.QualitativeEvaluations, Evaluations(request, options, findings));
    }

    /// <summary>TID 1002 / 1004: the observer is a device, the appliance running the model.</summary>
    private static IEnumerable<DicomDataset> ObserverContext(ResultReportRequest request, ReportingOptions options)
    {
        yield return SrContent.Code(SrRelationship.HasObservationContext, ReportingCodes.ObserverType, ReportingCodes.Device);
        yield return SrContent.UidRef(SrRelationship.HasObservationContext, ReportingCodes.DeviceObserverUid, new ResultUids("device:" + options.DeviceId).For("observer"));
        yield return SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.DeviceObserverName, options.DeviceId);
        yield return SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.DeviceObserverManufacturer, CompositeContext.Manufacturer);
        yield return SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.DeviceObserverModelName, $"{request.Algorithm.Name} {request.Algorithm.Version}");
        yield return SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.DeviceObserverSerialNumber, options.DeviceId);
    }

    /// <summary>TID 1600: one group for the source series, an entry per image.</summary>
    private static DicomDataset ImageLibrary(ResultReportRequest request)
    {
        var group = new List<DicomDataset>
        {
            SrContent.Code(SrRelationship.HasAcquisitionContext, ReportingCodes.Modality, ReportingCodes.ComputedTomography),
        };
        if (request.Source.FrameOfReferenceUid is { } frameOfReference)
        {
            group.Add(SrContent.UidRef(SrRelationship.HasAcquisitionContext, ReportingCodes.FrameOfReferenceUid, frameOfReference));
        }

        group.AddRange(request.Source.Instances.Select(i => SrContent.Image(SrRelationship.Contains, null, ReferenceItems.Sop(i.SopClassUid, i.SopInstanceUid))));
        return SrContent.Container(SrRelationship.Contains, ReportingCodes.ImageLibrary,
            [SrContent.Container(SrRelationship.Contains, ReportingCodes.ImageLibraryGroup, group)]);
    }

    /// <summary>Every object the content tree references: the source images, and the SEG when there is one.</summary>
    private static DicomDataset Evidence(CompositeContext context, string? segmentation)
    {
        DicomDataset study = context.SourceStudyReference();
        if (segmentation is not null)
        {
            var series = new DicomDataset();
            series.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, context.Uids.For("seg/series"));
            series.SetSequence(DicomTags.ReferencedSOPSequence, ReferenceItems.Sop(DicomUids.SegmentationStorage, segmentation));
            study.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items.Add(series);
        }

        return study;
    }

    private static DicomDataset Template()
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.MappingResource, DicomVR.CS, "DCMR");
        item.AddOrUpdate(DicomTags.MappingResourceUID, DicomVR.UI, DcmrUid);
        item.AddOrUpdate(DicomTags.TemplateIdentifier, DicomVR.CS, "1500");
        return item;
    }
}
