using System.Diagnostics;
using System.Text;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>
/// Runs the real peers (dcmtk, Orthanc, Debian's python3 with pydicom). A missing tool fails the test with the Debian
/// package to install (.ci/run installs them); it never passes silently.
/// </summary>
internal static class ExternalTools
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["echoscu"] = "dcmtk",
        ["storescu"] = "dcmtk",
        ["storescp"] = "dcmtk",
        ["dcmcjpeg"] = "dcmtk",
        ["dcmcrle"] = "dcmtk",
        ["dcmdjpeg"] = "dcmtk",
        ["Orthanc"] = "orthanc",
        ["python3"] = "python3-pydicom",
        ["dotnet"] = "dotnet-sdk (the .NET SDK)",
        ["kill"] = "procps",
    };

    public static string Require(string tool)
    {
        if (tool == "python3")
        {
            // Debian's interpreter has pydicom and numpy; a pyenv python3 earlier on PATH does not.
            Assert.True(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing: install the Debian package python3-pydicom");
            return "/usr/bin/python3";
        }

        string[] dirs = [.. (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'), "/usr/sbin", "/usr/bin"];
        foreach (string dir in dirs)
        {
            string candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{tool}' is not installed: install the Debian package {Packages.GetValueOrDefault(tool, "?")} (.ci/run does)");
        return string.Empty;
    }

    public static async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // dcmtk stalls ~40 ms per PDU exchange on loopback without it (Nagle + delayed ACK).
        info.Environment["TCP_NODELAY"] = "1";
        using var process = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds} s. stderr: {stderr}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
