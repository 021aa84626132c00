using System.Diagnostics;
using System.Text.Json;

namespace Edge.Imaging.Tests.Support;

/// <summary>
/// Runs the pydicom + numpy scripts in Oracle/ with Debian's /usr/bin/python3 (the pyenv python first on PATH has
/// no pydicom). A missing interpreter or module fails the test with the packages to install.
/// </summary>
internal static class Python
{
    private const string Interpreter = "/usr/bin/python3";

    public static string OracleDirectory => Path.Combine(AppContext.BaseDirectory, "Oracle");

    public static string Run(string script, params string[] arguments)
    {
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException($"{Interpreter} is missing: install python3, python3-pydicom and python3-numpy (see .ci/run)");
        }

        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(OracleDirectory, script));
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} did not finish in 3 minutes");
        }

        if (process.ExitCode != 0)
        {
            string stderr = error.Result;
            string hint = stderr.Contains("No module named", StringComparison.Ordinal) ? " (install python3-pydicom and python3-numpy, see .ci/run)" : string.Empty;
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode}{hint}: {stderr}");
        }

        return output.Result;
    }

    public static JsonElement RunJson(string script, params string[] arguments)
    {
        using JsonDocument document = JsonDocument.Parse(Run(script, arguments));
        return document.RootElement.Clone();
    }
}
