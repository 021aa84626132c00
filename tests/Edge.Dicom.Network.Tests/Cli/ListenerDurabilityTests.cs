using System.Globalization;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Cli;

/// <summary>
/// "No acknowledged image is ever lost": <c>edgectl dicom listen</c> is killed with SIGKILL in the middle of a storescu
/// transfer. Every instance storescu saw acknowledged must be on disk, complete and equal to what was sent; no partial
/// file may sit at a final path; the leftover temporary file is removed by the next start.
/// </summary>
public sealed class ListenerDurabilityTests
{
    /// <summary>The files storescu -v reports as answered with Success (its log lines go to stderr, in order).</summary>
    private static List<string> Acknowledged(string log)
    {
        var acknowledged = new List<string>();
        string? current = null;
        foreach (string line in log.Split('\n'))
        {
            if (line.StartsWith("I: Sending file: ", StringComparison.Ordinal))
            {
                current = line["I: Sending file: ".Length..].Trim();
            }
            else if (line.StartsWith("I: Received Store Response (Success)", StringComparison.Ordinal) && current is not null)
            {
                acknowledged.Add(current);
                current = null;
            }
        }

        return acknowledged;
    }

    [Fact]
    public async Task Kill_9_during_a_transfer_loses_no_acknowledged_instance_and_leaves_no_partial_file()
    {
        using var temp = new TempDirectory();
        string[] originals = await TestData.CtSeriesAsync(temp.Sub("series"), 300, 256);
        string root = temp.Sub("out");
        string port = FreePort.Get().ToString(CultureInfo.InvariantCulture);
        var listener = Edgectl.Start("dicom", "listen", "--port", port, "--aet", "EDGE", "--out", root, "--min-free-mb", "0");
        ChildProcess sender;
        try
        {
            await listener.WaitForOutputAsync("Listening as EDGE", TimeSpan.FromSeconds(30));
            sender = ChildProcess.Start(ExternalTools.Require("storescu"), ["-v", "-aec", "EDGE", "127.0.0.1", port, .. originals]);
            using (sender)
            {
                // Kill once a dozen instances are acknowledged, while the rest are still on their way.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (Acknowledged(sender.Output).Count < 12)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"storescu made no progress: {sender.Output}");
                    Assert.False(sender.Process.HasExited, $"storescu finished before the kill could interrupt it: {sender.Output}");
                    await Task.Delay(5);
                }

                listener.Process.Kill(); // SIGKILL: no shutdown code runs
                await listener.Process.WaitForExitAsync();
                await sender.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.NotEqual(0, sender.Process.ExitCode);

                List<string> acknowledged = Acknowledged(sender.Output);
                Assert.InRange(acknowledged.Count, 12, originals.Length - 1);

                // Every final-path file is complete and equal to its original; every acknowledged one is among them.
                string[] finals = [.. Directory.EnumerateFiles(root, "*.dcm", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(InstanceStore.IncomingDirectoryName, StringComparison.Ordinal))];
                var bySop = originals.ToDictionary(o => DicomFile.Open(o, DicomReadOptions.HeaderOnly).Dataset.GetString(DicomTags.SOPInstanceUID)!);
                foreach (string final in finals)
                {
                    string sop = Path.GetFileNameWithoutExtension(final);
                    Assert.True(bySop.ContainsKey(sop), $"unexpected file {final}");
                    DicomAssert.SamePixels(bySop[sop], final);
                }

                var finalSops = finals.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
                foreach (string file in acknowledged)
                {
                    string sop = bySop.Single(kv => kv.Value == file).Key;
                    Assert.Contains(sop, finalSops);
                }
            }
        }
        finally
        {
            listener.Dispose();
        }

        // The next start sweeps what the killed process left in .incoming.
        string restartPort = FreePort.Get().ToString(CultureInfo.InvariantCulture);
        using ChildProcess restarted = Edgectl.Start("dicom", "listen", "--port", restartPort, "--aet", "EDGE", "--out", root, "--min-free-mb", "0");
        await restarted.WaitForOutputAsync("Listening as EDGE", TimeSpan.FromSeconds(30));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, InstanceStore.IncomingDirectoryName)));
    }
}
