using Edge.Dicom;

namespace Edge.Reporting.Tests.Objects;

/// <summary>What is sent when, and that rebuilding a result gives the same objects.</summary>
[Collection(PhantomCollection.Name)]
public sealed class PolicyTests(PhantomSeries phantom)
{
    [Fact]
    public void Suspicious_gives_sr_key_image_and_seg_each_in_a_new_series_of_the_source_study()
    {
        ResultObjectSet set = new ResultObjectFactory().Create(phantom.Request(phantom.Suspicious()));

        Assert.Equal([ResultObjectKind.StructuredReport, ResultObjectKind.KeyImage, ResultObjectKind.Segmentation], set.Objects.Select(o => o.Kind));
        Assert.Equal(3, set.Objects.Select(o => o.SeriesInstanceUid).Distinct().Count());
        Assert.DoesNotContain(phantom.Source.SeriesInstanceUid, set.Objects.Select(o => o.SeriesInstanceUid));
        Assert.All(set.Objects, o => Assert.Equal(phantom.Source.StudyInstanceUid, o.Dataset.GetString(DicomTags.StudyInstanceUID)));
        Assert.Equal(["9901", "9902", "9903"], set.Objects.Select(o => o.Dataset.GetString(DicomTags.SeriesNumber)));
        Assert.Empty(set.Notes);
    }

    [Fact]
    public void Sites_can_silence_negatives_not_eligible_and_failed()
    {
        var factory = new ResultObjectFactory(new ReportingOptions { ReportNegative = false, ReportNotEligible = false, ReportFailed = false });

        ResultObjectSet negative = factory.Create(phantom.Request(phantom.Negative()));
        ResultObjectSet notEligible = factory.Create(phantom.Request(PhantomSeries.NotEligible()));
        ResultObjectSet failed = factory.Create(phantom.Request(PhantomSeries.Failed()));

        Assert.Empty(negative.Objects);
        Assert.Contains("ReportNegative", Assert.Single(negative.Notes), StringComparison.Ordinal);
        Assert.Empty(notEligible.Objects);
        Assert.Empty(failed.Objects);
        Assert.Equal(3, factory.Create(phantom.Request(phantom.Suspicious())).Objects.Count);
    }

    [Fact]
    public void Negative_gives_sr_and_organ_seg_but_no_key_image()
    {
        ResultObjectSet set = new ResultObjectFactory().Create(phantom.Request(phantom.Negative()));

        Assert.Equal([ResultObjectKind.StructuredReport, ResultObjectKind.Segmentation], set.Objects.Select(o => o.Kind));
        Assert.Equal("Pancreas", Assert.Single(set.Segmentation!.Dataset.GetSequence(DicomTags.SegmentSequence)!.Items).GetString(DicomTags.SegmentLabel));
    }

    [Fact]
    public void Same_result_gives_the_same_uids_and_another_result_new_ones()
    {
        var factory = new ResultObjectFactory();

        string[] first = [.. factory.Create(phantom.Request(phantom.Suspicious(), seed: "result-a")).Objects.Select(o => o.SopInstanceUid)];
        string[] again = [.. factory.Create(phantom.Request(phantom.Suspicious(), seed: "result-a")).Objects.Select(o => o.SopInstanceUid)];
        string[] other = [.. factory.Create(phantom.Request(phantom.Suspicious(), seed: "result-b")).Objects.Select(o => o.SopInstanceUid)];

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(other));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_every_key()
    {
        var options = new ReportingOptions { WindowWidth = 0, KeyImageMinimumSize = 10, DeviceId = "", SeriesNumberBase = -1 };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ResultObjectFactory(options));

        foreach (string key in new[] { "Reporting:WindowWidth", "Reporting:KeyImageMinimumSize", "Reporting:DeviceId", "Reporting:SeriesNumberBase" })
        {
            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
    }
}
