using System.Diagnostics;

namespace Edge.Dicom.Tests;

/// <summary>
/// Runs Debian's python3 (the one with pydicom and numpy; not a pyenv shim) as the reference implementation.
/// A missing interpreter or module fails the test with a clear message: CI installs python3-pydicom.
/// </summary>
internal static class PythonOracle
{
    public const string Python = "/usr/bin/python3";

    public const string PydicomData = "/usr/lib/python3/dist-packages/pydicom/data";

    /// <summary>Runs <paramref name="script"/> with the arguments and returns its stdout; fails on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install python3-pydicom and python3-numpy (see .ci/run)");
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        p.StandardInput.Close();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python oracle failed ({p.ExitCode}): {stderr.Result}");
        return stdout;
    }

    /// <summary>Path of a file in pydicom's test corpus; fails clearly when the corpus is not installed.</summary>
    public static string CorpusFile(string folder, string name)
    {
        string path = Path.Combine(PydicomData, folder, name);
        Assert.True(File.Exists(path), $"{path} is missing: install python3-pydicom (see .ci/run)");
        return path;
    }
}
