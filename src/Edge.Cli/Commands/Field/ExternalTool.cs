using System.Diagnostics;
using System.Text;

namespace Edge.Cli.Commands.Field;

/// <summary>Runs a system tool (journalctl, systemctl, uname) with a deadline and an output cap; a missing tool is not an error.</summary>
internal static class ExternalTool
{
    /// <summary>The tool's stdout (cut at <paramref name="maxChars"/>), or why there is none.</summary>
    public static (bool Ran, int ExitCode, string Output) Run(string file, IReadOnlyList<string> arguments, TimeSpan timeout, int maxChars)
    {
        string? path = file.Contains('/', StringComparison.Ordinal) ? file : Find(file);
        if (path is null || !File.Exists(path))
        {
            return (false, -1, $"{file}: not installed on this machine");
        }

        var info = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Plain, stable text: no pager, no colour, no localised dates.
        info.Environment["SYSTEMD_PAGER"] = string.Empty;
        info.Environment["SYSTEMD_COLORS"] = "0";
        info.Environment["LC_ALL"] = "C";
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = new StringBuilder();
        var truncated = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                if (output.Length + e.Data.Length + 1 > maxChars)
                {
                    truncated = true;
                    return;
                }

                output.Append(e.Data).Append('\n');
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return (true, -1, output + $"\n[{file} did not finish within {timeout.TotalSeconds:0} s and was stopped]\n");
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return (true, process.ExitCode, truncated ? output + $"\n[cut at {maxChars} characters]\n" : output.ToString());
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
