using Edge.Dicom;
using Edge.Inference.Screening;

namespace Edge.Reporting.Tests.Objects;

/// <summary>The SR says what the result says: its measurement values equal the input, and it references what it should.</summary>
[Collection(PhantomCollection.Name)]
public sealed class StructuredReportTests(PhantomSeries phantom)
{
    private static readonly ResultObjectFactory Factory = new();

    [Fact]
    public void Suspicious_report_is_a_tid1500_comprehensive_3d_sr_in_the_source_study()
    {
        DicomDataset sr = Reread(Factory.Create(phantom.Request(phantom.Suspicious())).StructuredReport!);

        Assert.Equal(DicomUids.Comprehensive3DSRStorage, sr.GetString(DicomTags.SOPClassUID));
        Assert.Equal("SR", sr.GetString(DicomTags.Modality));
        Assert.Equal(phantom.Source.StudyInstanceUid, sr.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal(phantom.Source.Header.GetString(DicomTags.PatientID), sr.GetString(DicomTags.PatientID));
        Assert.Equal("ISO_IR 192", sr.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("MÜLLER^JÖRG", sr.GetString(DicomTags.PatientName));
        Assert.Equal("126000", SrTree.ConceptValue(sr));
        Assert.Equal("1500", Assert.Single(sr.GetSequence(DicomTags.ContentTemplateSequence)!.Items).GetString(DicomTags.TemplateIdentifier));
        Assert.Equal("UNVERIFIED", sr.GetString(DicomTags.VerificationFlag));
        Assert.Equal(("DCM", "121007"), SrTree.Code(SrTree.Single(sr, "121005")));
    }

    [Fact]
    public void Finding_measurements_equal_the_result()
    {
        Finding lesion = phantom.Lesion;
        DicomDataset sr = Reread(Factory.Create(phantom.Request(phantom.Suspicious())).StructuredReport!);
        DicomDataset group = FindingGroup(sr, "Lesion 1");

        (double volumeText, double volume, string volumeUnits) = SrTree.Num(Assert.Single(SrTree.ChildrenNamed(group, "118565006")));
        (double diameterText, double diameter, string diameterUnits) = SrTree.Num(Assert.Single(SrTree.ChildrenNamed(group, "81827009")));
        (double probabilityText, double probability, string probabilityUnits) = SrTree.Num(Assert.Single(SrTree.ChildrenNamed(group, "111047")));

        Assert.Equal(lesion.VolumeMl, volume);
        Assert.Equal(Math.Round(lesion.VolumeMl, 3), volumeText, 9);
        Assert.Equal("ml", volumeUnits);
        Assert.Equal(lesion.MaxDiameterMm, diameter);
        Assert.Equal(Math.Round(lesion.MaxDiameterMm, 1), diameterText, 9);
        Assert.Equal("mm", diameterUnits);
        Assert.Equal(lesion.Probability, probability);
        Assert.Equal(Math.Round(lesion.Probability, 3), probabilityText, 9);
        Assert.Equal("{probability}", probabilityUnits);
        Assert.Equal(("SCT", "52988006"), SrTree.Code(Assert.Single(SrTree.ChildrenNamed(group, "121071"))));

        float[] centre = Assert.Single(SrTree.ChildrenNamed(group, "111010")).GetDoubles(DicomTags.GraphicData).Select(v => (float)v).ToArray();
        Assert.Equal([(float)lesion.CentroidLps.X, (float)lesion.CentroidLps.Y, (float)lesion.CentroidLps.Z], centre);
    }

    [Fact]
    public void Finding_site_names_the_region_of_the_pancreas()
    {
        Assert.Equal("head", phantom.Lesion.Location);
        DicomDataset sr = Reread(Factory.Create(phantom.Request(phantom.Suspicious())).StructuredReport!);

        DicomDataset site = Assert.Single(SrTree.ChildrenNamed(FindingGroup(sr, "Lesion 1"), "363698007"));

        Assert.Equal("HAS CONCEPT MOD", site.GetString(DicomTags.RelationshipType));
        Assert.Equal(("SCT", "64163001"), SrTree.Code(site));
    }

    [Fact]
    public void Algorithm_is_identified_with_name_version_and_sha256()
    {
        DicomDataset sr = Reread(Factory.Create(phantom.Request(phantom.Suspicious())).StructuredReport!);
        DicomDataset group = FindingGroup(sr, "Lesion 1");

        Assert.Equal(TestManifest.Manifest.Name, SrTree.Text(Assert.Single(SrTree.ChildrenNamed(group, "111001"))));
        Assert.Equal(TestManifest.Manifest.Version, SrTree.Text(Assert.Single(SrTree.ChildrenNamed(group, "111003"))));
        Assert.Contains("sha256=" + TestManifest.Sha256, SrTree.ChildrenNamed(group, "111002").Select(SrTree.Text));

        DicomDataset equipment = Assert.Single(sr.GetSequence(DicomTags.ContributingEquipmentSequence)!.Items);
        Assert.Equal(TestManifest.Manifest.Name, equipment.GetString(DicomTags.ManufacturerModelName));
        Assert.Contains("pancreas-ref 1.0.0", equipment.GetStrings(DicomTags.SoftwareVersions));
        Assert.Contains(TestManifest.Sha256, equipment.GetString(DicomTags.ContributionDescription), StringComparison.Ordinal);
        Assert.Equal("109102", Assert.Single(equipment.GetSequence(DicomTags.PurposeOfReferenceCodeSequence)!.Items).GetString(DicomTags.CodeValue));
    }

    [Fact]
    public void Case_probability_and_decision_equal_the_result()
    {
        ModelResult result = phantom.Suspicious();
        DicomDataset sr = Reread(Factory.Create(phantom.Request(result)).StructuredReport!);

        DicomDataset caseGroup = FindingGroup(sr, "Case");
        Assert.Equal(result.Probability, SrTree.Num(Assert.Single(SrTree.ChildrenNamed(caseGroup, "111047"))).Exact);
        Assert.Equal(("SCT", "10828004"), SrTree.Code(SrTree.Single(sr, "121073")));
        Assert.Equal(("DCM", "111242"), SrTree.Code(SrTree.Single(sr, "111017")));
    }

    [Fact]
    public void Report_references_the_source_series_and_the_segment_of_each_finding()
    {
        ResultObjectSet set = Factory.Create(phantom.Request(phantom.Suspicious()));
        DicomDataset sr = Reread(set.StructuredReport!);
        DicomDataset seg = Reread(set.Segmentation!);

        DicomDataset group = FindingGroup(sr, "Lesion 1");
        DicomDataset reference = Assert.Single(Assert.Single(SrTree.ChildrenNamed(group, "121191")).GetSequence(DicomTags.ReferencedSOPSequence)!.Items);
        Assert.Equal(seg.GetString(DicomTags.SOPInstanceUID), reference.GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.True(reference.TryGetUInt16(DicomTags.ReferencedSegmentNumber, out ushort number));
        DicomDataset segment = seg.GetSequence(DicomTags.SegmentSequence)!.Items.Single(s => s.TryGetUInt16(DicomTags.SegmentNumber, out ushort n) && n == number);
        Assert.Equal(SrTree.ChildrenNamed(group, "112040")[0].GetString(DicomTags.UID), segment.GetString(DicomTags.TrackingUID));
        Assert.Equal("Lesion 1", segment.GetString(DicomTags.TrackingID));
        Assert.Equal(phantom.Source.SeriesInstanceUid, SrTree.ChildrenNamed(group, "121232")[0].GetString(DicomTags.UID));

        string[] library = [.. SrTree.Children(SrTree.Single(sr, "126200"))
            .Where(i => i.GetString(DicomTags.ValueType) == "IMAGE")
            .Select(i => i.GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID)!)];
        string[] sources = [.. phantom.Source.Instances.Select(i => i.SopInstanceUid)];
        Assert.Equal(sources.Order(), library.Order());

        DicomDataset evidence = Assert.Single(sr.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence)!.Items);
        Assert.Equal(phantom.Source.StudyInstanceUid, evidence.GetString(DicomTags.StudyInstanceUID));
        string[] evidenced = [.. evidence.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items
            .SelectMany(s => s.GetSequence(DicomTags.ReferencedSOPSequence)!.Items)
            .Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID)!)];
        Assert.Equal([.. sources, seg.GetString(DicomTags.SOPInstanceUID)!], evidenced);
    }

    [Fact]
    public void Negative_report_says_negative_with_the_case_probability_and_no_finding()
    {
        ModelResult result = phantom.Negative();
        DicomDataset sr = Reread(Factory.Create(phantom.Request(result)).StructuredReport!);

        Assert.Equal(("SCT", "260385009"), SrTree.Code(SrTree.Single(sr, "121073")));
        Assert.Equal(("DCM", "111241"), SrTree.Code(SrTree.Single(sr, "111017")));
        Assert.Empty(SrTree.FindAll(sr, "121071"));
        Assert.Equal(result.Probability, SrTree.Num(SrTree.Single(sr, "111047")).Exact);
        Assert.Contains("no suspicious finding", SrTree.Text(SrTree.Single(sr, "121106")), StringComparison.Ordinal);
    }

    [Fact]
    public void Not_eligible_report_says_so_with_the_reason_and_no_measurements()
    {
        ModelResult result = PhantomSeries.NotEligible();
        DicomDataset sr = Reread(Factory.Create(phantom.Request(result)).StructuredReport!);

        Assert.Equal(("SCT", "385432009"), SrTree.Code(SrTree.Single(sr, "121073")));
        Assert.Empty(SrTree.FindAll(sr, "126010"));
        Assert.Empty(SrTree.FindAll(sr, "111017"));
        string comment = SrTree.Text(SrTree.Single(sr, "121106"))!;
        Assert.Contains("not eligible", comment, StringComparison.Ordinal);
        Assert.Contains(result.Reason!, comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_report_says_so_with_the_reason()
    {
        ModelResult result = PhantomSeries.Failed();
        DicomDataset sr = Reread(Factory.Create(phantom.Request(result)).StructuredReport!);

        Assert.Equal(("SCT", "373068000"), SrTree.Code(SrTree.Single(sr, "121073")));
        Assert.Equal(("DCM", "111245"), SrTree.Code(SrTree.Single(sr, "111017")));
        Assert.Contains(result.Reason!, SrTree.Text(SrTree.Single(sr, "121106")), StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_carries_the_banner_when_the_model_card_says_not_for_clinical_use()
    {
        Assert.True(TestManifest.Algorithm.NotForClinicalUse);
        DicomDataset sr = Reread(Factory.Create(phantom.Request(phantom.Suspicious())).StructuredReport!);

        Assert.Contains(ReportingOptions.DefaultBannerText, SrTree.Text(SrTree.Single(sr, "121106")), StringComparison.Ordinal);
    }

    private static DicomDataset FindingGroup(DicomDataset sr, string trackingId) =>
        SrTree.FindAll(sr, "125007").Single(g => SrTree.ChildrenNamed(g, "112039").Any(t => SrTree.Text(t) == trackingId));

    /// <summary>Through bytes and our reader, so the test sees what a PACS would receive.</summary>
    internal static DicomDataset Reread(ResultObject item)
    {
        using var stream = new MemoryStream();
        item.Write(stream);
        return DicomFile.Read(stream.ToArray()).Dataset;
    }
}
