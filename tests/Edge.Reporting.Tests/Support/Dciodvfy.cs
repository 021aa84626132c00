using System.Diagnostics;

namespace Edge.Reporting.Tests.Support;

/// <summary>Runs dicom3tools' IOD validator on a file. A missing validator fails the test; it never passes silently.</summary>
internal static class Dciodvfy
{
    private const string Validator = "/usr/bin/dciodvfy";

    /// <summary>Every line the validator printed.</summary>
    public static IReadOnlyList<string> Run(string path)
    {
        Assert.True(File.Exists(Validator), $"{Validator} is missing: install the Debian package dicom3tools (.ci/run does)");
        var start = new ProcessStartInfo(Validator) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"dciodvfy did not finish within 60 s on {path}");
        return [.. (output.Result + errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>Fails with the full report when any line is an error; returns the warnings.</summary>
    public static IReadOnlyList<string> AssertValid(string path)
    {
        IReadOnlyList<string> lines = Run(path);
        string[] errors = [.. lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal))];
        Assert.True(errors.Length == 0, $"dciodvfy reports errors for {Path.GetFileName(path)}:\n{string.Join('\n', lines)}");
        return [.. lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal))];
    }
}
