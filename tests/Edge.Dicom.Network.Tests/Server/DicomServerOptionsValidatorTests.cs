using Edge.Dicom.Network.Server;

namespace Edge.Dicom.Network.Tests.Server;

public sealed class DicomServerOptionsValidatorTests
{
    [Fact]
    public void Defaults_with_a_storage_root_are_valid()
    {
        Assert.Empty(DicomServerOptionsValidator.Validate(new DicomServerOptions { StorageRoot = "/var/lib/edge/incoming" }));
        Assert.True(new DicomServerOptionsValidator().Validate(null, new DicomServerOptions { StorageRoot = "/x" }).Succeeded);
    }

    [Fact]
    public void Every_bad_key_is_reported_at_once_by_its_configuration_path()
    {
        var options = new DicomServerOptions
        {
            AeTitle = "",
            Port = 70000,
            BindAddress = "not-an-ip",
            StorageRoot = " ",
            MaxAssociations = 0,
            MaxPduLength = 100,
            InFlightMemoryLimit = 1000,
            DimseTimeout = TimeSpan.Zero,
            AllowedCallingAeTitles = ["OK", "BAD\\AE", "AE@"],
            TransferSyntaxes = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.1"],
            SopClasses = ["1.2.x"],
            MinimumFreeDiskBytes = -1,
        };

        IReadOnlyList<string> errors = DicomServerOptionsValidator.Validate(options);

        Assert.Contains("Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)", errors);
        string[] keys = [.. errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)])];
        Assert.Equal(
            [
                "Dicom:AeTitle", "Dicom:Port", "Dicom:BindAddress", "Dicom:StorageRoot", "Dicom:MaxAssociations", "Dicom:MaxPduLength",
                "Dicom:InFlightMemoryLimit", "Dicom:DimseTimeout", "Dicom:AllowedCallingAeTitles:1", "Dicom:AllowedCallingAeTitles:2",
                "Dicom:MinimumFreeDiskBytes", "Dicom:TransferSyntaxes:1", "Dicom:TransferSyntaxes:2", "Dicom:SopClasses:0",
            ],
            keys);
    }

    [Fact]
    public void Options_validator_failure_lists_every_error()
    {
        var result = new DicomServerOptionsValidator().Validate(null, new DicomServerOptions { Port = -1 });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }

    [Theory]
    [InlineData("EDGE", " EDGE ", true)]
    [InlineData("EDGE", "EDGE\t", false)]
    [InlineData("EDGE", "edge", false)]
    [InlineData("A B", "A B", true)]
    [InlineData("EDGE", null, false)]
    public void Ae_titles_compare_after_trimming_spaces_only(string a, string? b, bool equal)
    {
        Assert.Equal(equal, AeTitles.AreEqual(a, b));
    }

    [Theory]
    [InlineData("EDGE", true)]
    [InlineData("SIXTEEN_CHARS_AE", true)]
    [InlineData("SEVENTEEN_CHARS_A", false)]
    [InlineData("    ", false)]
    [InlineData("", false)]
    [InlineData("BACK\\SLASH", false)]
    [InlineData("TAB\tAE", false)]
    public void Ae_title_validity(string ae, bool valid)
    {
        Assert.Equal(valid, AeTitles.IsValid(ae));
    }
}
