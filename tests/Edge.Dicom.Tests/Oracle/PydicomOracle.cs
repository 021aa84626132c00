using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Edge.Dicom.Tests;

/// <summary>Runs pydicom_oracle.py once over the whole corpus with Debian's python and caches the verdicts.</summary>
internal static class PydicomOracle
{
    /// <summary>Debian's interpreter: the one python3-pydicom installs into (not a pyenv python first on PATH).</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<IReadOnlyDictionary<string, OracleVerdict>> LazyVerdicts = new(Run);

    public static OracleVerdict For(string relativePath) => LazyVerdicts.Value[PydicomCorpus.FullPath(relativePath)];

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Oracle", "pydicom_oracle.py");

    private static IReadOnlyDictionary<string, OracleVerdict> Run()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install python3 and python3-pydicom (.ci/run does)");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath);
        foreach (string f in PydicomCorpus.Files)
        {
            start.ArgumentList.Add(PydicomCorpus.FullPath(f));
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Python);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pydicom oracle failed (exit {process.ExitCode}); is python3-pydicom installed?\n{stderr.Result}");
        }

        JsonObject all = JsonNode.Parse(stdout)!.AsObject();
        var verdicts = new Dictionary<string, OracleVerdict>(StringComparer.Ordinal);
        foreach ((string path, JsonNode? node) in all)
        {
            JsonObject o = node!.AsObject();
            verdicts[path] = new OracleVerdict(
                (string?)o["verdict"] == "read",
                (string?)o["reason"],
                o["json"] as JsonObject,
                [.. (o["suppressed"]?.AsArray() ?? []).Select(n => (string)n!)],
                (string?)o["transfer_syntax"]);
        }

        return verdicts;
    }
}
