namespace Edge.Reporting.Tests.Units;

public sealed class AlgorithmDescriptionTests
{
    [Theory]
    [InlineData("Trained on phantoms. NOT FOR CLINICAL USE.", true)]
    [InlineData("Research use only", true)]
    [InlineData("For investigational use only; not for diagnosis", true)]
    [InlineData("Triage of non-contrast abdominal CT for pancreatic cancer (CE marked).", false)]
    public void Banner_follows_the_intended_use_in_auto_mode(string intendedUse, bool banner)
    {
        AlgorithmDescription algorithm = TestManifest.Algorithm with { IntendedUse = intendedUse };

        Assert.Equal(banner, algorithm.NotForClinicalUse);
        Assert.Equal(banner, ResultObjectFactory.ShowsBanner(algorithm, new ReportingOptions()));
        Assert.True(ResultObjectFactory.ShowsBanner(algorithm, new ReportingOptions { Banner = BannerMode.Always }));
        Assert.False(ResultObjectFactory.ShowsBanner(algorithm, new ReportingOptions { Banner = BannerMode.Never }));
    }

    [Fact]
    public void Description_from_a_manifest_carries_id_version_hash_labels_and_connectivity()
    {
        AlgorithmDescription algorithm = TestManifest.Algorithm;

        Assert.Equal("pancreas-ref", algorithm.Id);
        Assert.Equal("1.0.0", algorithm.Version);
        Assert.Equal(TestManifest.Sha256, algorithm.Sha256);
        Assert.Equal(3, algorithm.Labels.Count);
        Assert.Equal(26, algorithm.Connectivity);
        Assert.Equal("spec99", algorithm.OperatingPoint);
    }
}
