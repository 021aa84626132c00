namespace Edge.Dicom.Network.Tests.Support;

/// <summary>Real files: pydicom's test corpus (Debian python3-pydicom) and CT series generated with pydicom.</summary>
internal static class TestData
{
    private const string PydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    public static string Pydicom(string name)
    {
        string path = Path.Combine(PydicomFiles, name);
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package python3-pydicom (.ci/run does)");
        return path;
    }

    /// <summary>Writes <paramref name="count"/> CT instances of <paramref name="size"/>² 16-bit pixels with pydicom.</summary>
    public static async Task<string[]> CtSeriesAsync(string directory, int count, int size = 64, string syntax = "explicit")
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Support", "make_ct_series.py");
        ProcessResult result = await ExternalTools.RunAsync("python3", [script, directory, count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            size.ToString(System.Globalization.CultureInfo.InvariantCulture), syntax], TimeSpan.FromMinutes(2));
        result.AssertSuccess("make_ct_series.py");
        return [.. Directory.GetFiles(directory, "*.dcm").Order(StringComparer.Ordinal)];
    }

    /// <summary>Copies a file through a dcmtk compressor (dcmcjpeg +e1: JPEG Lossless SV1; dcmcrle: RLE).</summary>
    public static async Task<string> CompressAsync(string tool, string source, string target, params string[] options)
    {
        ProcessResult result = await ExternalTools.RunAsync(tool, [.. options, source, target], TimeSpan.FromMinutes(1));
        result.AssertSuccess(tool);
        return target;
    }
}
