using System.Collections.Concurrent;

namespace Edge.Imaging.Tests.Support;

/// <summary>
/// Series written by Oracle/make_series.py, each variant once per test run (shared by the tests that read it),
/// under one temp folder removed when the process exits.
/// </summary>
internal static class OracleSeries
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "edge-imaging-tests", "series-" + Environment.ProcessId);
    private static readonly ConcurrentDictionary<string, Lazy<string>> Written = new();

    static OracleSeries() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    };

    /// <summary>The folder holding the variant's files.</summary>
    public static string Get(string variant) => Written.GetOrAdd(variant, v => new Lazy<string>(() =>
    {
        string directory = Path.Combine(Root, v);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Python.Run("make_series.py", directory, v);
        return directory;
    })).Value;

    /// <summary>The value make_series.py writes at an LPS point, before storage rounding and clipping.</summary>
    public static double HuAt(double x, double y, double z) =>
        Math.Clamp(Math.Round((300 * Math.Sin(x / 9.0)) + (200 * Math.Cos(y / 7.0)) + (4.0 * z), MidpointRounding.ToEven), -1024, 3000);
}
