using System.CommandLine;
using System.Text.Json;

namespace Edge.Cli.Tests.Commands.Dicom;

/// <summary><c>edgectl dicom dump</c> through the real command tree.</summary>
public sealed class DumpCommandTests
{
    private const string Corpus = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    [Fact]
    public void Text_dump_lists_elements_with_keywords_and_indented_items()
    {
        (int exit, string output, string error) = Run("dicom", "dump", Path.Combine(Corpus, "CT_small.dcm"));
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("(0010,0010) PN        22  [CompressedSamples^CT1]", output, StringComparison.Ordinal);
        Assert.Contains("PatientName", output, StringComparison.Ordinal);
        Assert.Contains("(0010,1002) SQ     undef  (2 items)", output, StringComparison.Ordinal);
        Assert.Contains("  > item 1", output, StringComparison.Ordinal);
        Assert.Contains("    (0010,0020) LO", output, StringComparison.Ordinal);
        Assert.Contains("(7FE0,0010) OW     32768  (not loaded: 32768 bytes at offset 6300)", output, StringComparison.Ordinal);
        Assert.Contains("[GEMS_IDEN_01]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_dump_is_the_dicom_json_model()
    {
        (int exit, string output, _) = Run("dicom", "dump", Path.Combine(Corpus, "CT_small.dcm"), "--json");
        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement name = json.RootElement.GetProperty("00100010");
        Assert.Equal("PN", name.GetProperty("vr").GetString());
        Assert.Equal("CompressedSamples^CT1", name.GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.StartsWith("file://", json.RootElement.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("00020010", out _), "the meta header is not part of the JSON model");
    }

    [Theory]
    [InlineData("MR_truncated.dcm")]
    [InlineData("no_meta.dcm")]
    [InlineData("does-not-exist.dcm")]
    [InlineData("README.txt")]
    public void Unreadable_file_exits_1_with_one_line_and_no_stack_trace(string name)
    {
        (int exit, string output, string error) = Run("dicom", "dump", Path.Combine(Corpus, name));
        Assert.Equal(1, exit);
        Assert.Empty(output);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines);
        Assert.StartsWith("edgectl dicom dump: cannot read ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line.Replace("at byte offset", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = CommandTree.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
