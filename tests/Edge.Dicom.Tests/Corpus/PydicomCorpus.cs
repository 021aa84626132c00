namespace Edge.Dicom.Tests;

/// <summary>
/// The test files shipped by Debian's python3-pydicom: every regular file under test_files and charset_files,
/// except documentation, JSON, gzip and dump files, which are not DICOM.
/// </summary>
internal static class PydicomCorpus
{
    public const string Root = "/usr/lib/python3/dist-packages/pydicom/data";

    private static readonly string[] NonDicomExtensions = [".json", ".txt", ".gz", ".dump", ".py", ".pyc", ".md"];

    private static readonly Lazy<string[]> LazyFiles = new(Enumerate);

    /// <summary>Paths relative to <see cref="Root"/>, sorted.</summary>
    public static IReadOnlyList<string> Files => LazyFiles.Value;

    public static string FullPath(string relative) => Path.Combine(Root, relative);

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (string f in Files)
        {
            data.Add(f);
        }

        return data;
    }

    private static string[] Enumerate()
    {
        string[] roots = [Path.Combine(Root, "test_files"), Path.Combine(Root, "charset_files")];
        if (!roots.All(Directory.Exists))
        {
            throw new InvalidOperationException(
                $"pydicom's test corpus is missing under {Root}: install the Debian package python3-pydicom (.ci/run does)");
        }

        return [.. roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(p => !NonDicomExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Where(p => !p.Contains("__pycache__", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, p))
            .Order(StringComparer.Ordinal)];
    }
}
