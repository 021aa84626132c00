using System.Globalization;
using System.Text;
using Edge.Dicom;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Reporting.Dicom;

namespace Edge.Reporting.StructuredReport;

/// <summary>The measurement groups and qualitative evaluations of the report.</summary>
internal static partial class MeasurementReportBuilder
{
    // Display precision of Numeric Value; Floating Point Value carries the exact figure.
    private const int VolumeDecimals = 3;
    private const int DiameterDecimals = 1;
    private const int ProbabilityDecimals = 3;

    /// <summary>TID 1411 (with TID 1419 and TID 300 rows) for one finding.</summary>
    private static DicomDataset FindingGroup(ResultReportRequest request, TrackedFinding tracked, string? segmentation)
    {
        Finding finding = tracked.Finding;
        var items = new List<DicomDataset>
        {
            SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.TrackingIdentifier, tracked.TrackingId),
            SrContent.UidRef(SrRelationship.HasObservationContext, ReportingCodes.TrackingUniqueIdentifier, tracked.TrackingUid),
            SrContent.Code(SrRelationship.Contains, ReportingCodes.Finding, FindingType(request, finding)),
        };
        if (segmentation is not null && tracked.SegmentNumber is { } segment)
        {
            DicomDataset reference = ReferenceItems.Sop(DicomUids.SegmentationStorage, segmentation);
            reference.SetUInt16(DicomTags.ReferencedSegmentNumber, checked((ushort)segment));
            items.Add(SrContent.Image(SrRelationship.Contains, ReportingCodes.ReferencedSegment, reference));
            items.Add(SrContent.UidRef(SrRelationship.Contains, ReportingCodes.SourceSeriesForSegmentation, request.Source.SeriesInstanceUid));
        }

        if (FindingSite(request, finding) is { } site)
        {
            items.Add(SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.FindingSite, site));
        }

        items.AddRange(Algorithm(request));
        items.Add(SrContent.Num(SrRelationship.Contains, ReportingCodes.Volume, finding.VolumeMl, ReportingCodes.Milliliter, VolumeDecimals,
            SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.MeasurementMethod, ReportingCodes.SumOfSegmentedVoxelVolumes)));
        items.Add(SrContent.Num(SrRelationship.Contains, ReportingCodes.Diameter, finding.MaxDiameterMm, ReportingCodes.Millimeter, DiameterDecimals,
            SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.Derivation, ReportingCodes.Maximum)));
        items.Add(SrContent.Num(SrRelationship.Contains, ReportingCodes.ProbabilityOfCancer, finding.Probability, ReportingCodes.Probability, ProbabilityDecimals,
            SrContent.Code(SrRelationship.HasConceptModifier, ReportingCodes.Derivation, ReportingCodes.Mean)));
        if (request.Source.FrameOfReferenceUid is { } frameOfReference)
        {
            items.Add(SrContent.Point(SrRelationship.Contains, ReportingCodes.Center, finding.CentroidLps, frameOfReference));
        }

        return SrContent.Container(SrRelationship.Contains, ReportingCodes.MeasurementGroup, items);
    }

    /// <summary>TID 1501 for the case as a whole: the case-level probability the decision compared with the threshold.</summary>
    private static DicomDataset CaseGroup(ResultReportRequest request)
    {
        var items = new List<DicomDataset>
        {
            SrContent.Text(SrRelationship.HasObservationContext, ReportingCodes.TrackingIdentifier, "Case"),
            SrContent.UidRef(SrRelationship.HasObservationContext, ReportingCodes.TrackingUniqueIdentifier, new ResultUids(request.UidSeed).For("case")),
        };
        items.AddRange(Algorithm(request));
        if (request.Result.Probability is { } probability)
        {
            items.Add(SrContent.Num(SrRelationship.Contains, ReportingCodes.ProbabilityOfCancer, probability, ReportingCodes.Probability, ProbabilityDecimals));
        }

        return SrContent.Container(SrRelationship.Contains, ReportingCodes.MeasurementGroup, items);
    }

    /// <summary>TID 4019: name, version, and as parameters the network's SHA-256 and the operating point.</summary>
    private static IEnumerable<DicomDataset> Algorithm(ResultReportRequest request)
    {
        AlgorithmDescription algorithm = request.Algorithm;
        yield return SrContent.Text(SrRelationship.HasConceptModifier, ReportingCodes.AlgorithmName, algorithm.Name);
        yield return SrContent.Text(SrRelationship.HasConceptModifier, ReportingCodes.AlgorithmVersion, algorithm.Version);
        yield return SrContent.Text(SrRelationship.HasConceptModifier, ReportingCodes.AlgorithmParameters, "model-id=" + algorithm.Id);
        yield return SrContent.Text(SrRelationship.HasConceptModifier, ReportingCodes.AlgorithmParameters, "sha256=" + algorithm.Sha256);
        if (request.Result.Threshold is { } threshold)
        {
            yield return SrContent.Text(SrRelationship.HasConceptModifier, ReportingCodes.AlgorithmParameters, Invariant(
                $"operating-point={algorithm.OperatingPoint ?? "default"}; threshold={threshold:R}; target-specificity={request.Result.TargetSpecificity:R}"));
        }
    }

    private static IEnumerable<DicomDataset> Evaluations(ResultReportRequest request, ReportingOptions options, IReadOnlyList<TrackedFinding> findings)
    {
        ModelResult result = request.Result;
        yield return SrContent.Code(SrRelationship.Contains, ReportingCodes.Impression, DecisionCode(result.Decision));
        CodedConcept? summary = result.Decision switch
        {
            ScreeningDecision.Suspicious => findings.Count > 0 ? ReportingCodes.AllSucceededWithFindings : ReportingCodes.AllSucceededWithoutFindings,
            ScreeningDecision.Negative => ReportingCodes.AllSucceededWithoutFindings,
            ScreeningDecision.Failed => ReportingCodes.NoneSucceeded,
            _ => null,
        };
        if (summary is not null)
        {
            yield return SrContent.Code(SrRelationship.Contains, ReportingCodes.CadProcessingAndFindingsSummary, summary);
        }

        yield return SrContent.Text(SrRelationship.Contains, ReportingCodes.Comment, Comment(request, options, findings));
    }

    /// <summary>What a reader sees first: the decision in words, each finding, and why (threshold or reason).</summary>
    internal static string Comment(ResultReportRequest request, ReportingOptions options, IReadOnlyList<TrackedFinding> findings)
    {
        ModelResult result = request.Result;
        AlgorithmDescription algorithm = request.Algorithm;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{algorithm.Name} {algorithm.Version}: ");
        text.Append(result.Decision switch
        {
            ScreeningDecision.Suspicious => "SUSPICIOUS.",
            ScreeningDecision.Negative => "no suspicious finding.",
            ScreeningDecision.NotEligible => "series not eligible; not analysed.",
            _ => "analysis failed; no result.",
        });
        if (result.Probability is { } probability)
        {
            text.Append(CultureInfo.InvariantCulture, $" Case probability {ScoreText.Format(probability)}");
            if (result.Threshold is { } threshold)
            {
                text.Append(CultureInfo.InvariantCulture, $" (threshold {ScoreText.Format(threshold)}, calibrated for specificity {result.TargetSpecificity:0.###})");
            }

            text.Append('.');
        }

        foreach (TrackedFinding tracked in findings)
        {
            Finding f = tracked.Finding;
            string where = f.Location is { } location ? $" in the {location}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $" {tracked.TrackingId}{where}: {f.MaxDiameterMm:0.0} mm, {f.VolumeMl:0.00} ml, probability {f.Probability:0.00}.");
        }

        if (result.Decision is ScreeningDecision.NotEligible or ScreeningDecision.Failed && result.Reason is { Length: > 0 } reason)
        {
            text.Append(" Reason: ").Append(reason).Append('.');
        }

        if (ResultObjectFactory.ShowsBanner(request.Algorithm, options))
        {
            text.Append(' ').Append(options.BannerText).Append('.');
        }

        return text.ToString();
    }

    /// <summary>The impression's value for a decision.</summary>
    internal static CodedConcept DecisionCode(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Suspicious => ReportingCodes.Positive,
        ScreeningDecision.Negative => ReportingCodes.Negative,
        ScreeningDecision.NotEligible => ReportingCodes.NotApplicable,
        _ => ReportingCodes.Undetermined,
    };

    private static CodedConcept FindingType(ResultReportRequest request, Finding finding) =>
        finding.Type ?? request.Algorithm.Labels.FirstOrDefault(l => l.Name == finding.Label)?.Type ?? ReportingCodes.Lesion;

    /// <summary>The organ region when the model locates findings along a pancreas, else the label's anatomic region.</summary>
    private static CodedConcept? FindingSite(ResultReportRequest request, Finding finding)
    {
        CodedConcept? region = request.Algorithm.Labels.FirstOrDefault(l => l.Name == finding.Label)?.AnatomicRegion;
        return region is { Scheme: "SCT", Value: "15776009" }
            ? ReportingCodes.PancreasRegion(finding.Location) ?? region
            : region;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
