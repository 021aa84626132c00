using System.Diagnostics;

namespace Edge.Dicom.Tests.Codecs;

/// <summary>Runs a dcmtk tool (a real peer: CI installs the dcmtk package); a missing tool fails the test clearly.</summary>
internal static class Dcmtk
{
    public static void Run(string tool, params string[] arguments)
    {
        string path = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: install dcmtk (see .ci/run)");
        var psi = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited {p.ExitCode}: {stderr}{stdout.Result}");
    }

    /// <summary>A scratch folder removed when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edge-dcmtk-" + Guid.NewGuid().ToString("N"));

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
