using Edge.Store.Documents;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;

namespace Edge.Sync.Tests;

/// <summary>
/// Processes series whose inputs are full of distinctive identifiers (and which smuggle them into free-text
/// fields), subscribes to every topic on a real broker, and scans every published byte (topics, payloads,
/// content types, user properties) of summaries, alerts, status and heartbeats for any of those values.
/// </summary>
public sealed class PhiScanTests : IDisposable
{
    private readonly TempDirectory _dir = new("sync-phi");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task No_identifying_value_of_the_input_appears_in_any_published_byte()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        using TestSubscriber everything = await TestSubscriber.ConnectAsync(broker.Port, "#");
        await using var edge = new SyncHarness(_dir, broker.Port, o => o.HeartbeatSeconds = 1);
        await edge.WaitConnectedAsync();
        int n = 0;
        foreach (Decision decision in Enum.GetValues<Decision>())
        {
            SeriesRecord series = PhiSeries.Create($"{PhiSeries.SeriesUid}.{n++}");
            edge.Process(decision, series, result =>
            {
                result.SeriesInstanceUid = series.SeriesInstanceUid;
                result.StudyInstanceUid = series.StudyInstanceUid;
                PhiSeries.Taint(result);
            });
        }

        // An error the device reports in its heartbeat must not carry PHI either.
        edge.Runtime.Health.RecordError("mqtt: example error");
        IReadOnlyList<ReceivedMessage> got = await everything.WaitForAsync(
            m => m.Count(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal)) >= 4
                && m.Count(x => x.Topic.EndsWith("/alert", StringComparison.Ordinal)) >= 1
                && m.Count(x => x.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)) >= 2
                && m.Any(x => x.Topic.EndsWith("/status", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "summaries, alert, heartbeats and status");

        long scanned = 0;
        foreach (ReceivedMessage message in got)
        {
            foreach (byte[] bytes in message.AllBytes())
            {
                scanned += bytes.Length;
                List<string> leaked = PhiSeries.FindIn(bytes);
                Assert.True(leaked.Count == 0, $"{message.Topic} carried {string.Join(", ", leaked)}");
            }
        }

        Assert.True(scanned > 2000, $"only {scanned} bytes scanned");
        Assert.Equal(4, got.Count(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal)));
    }
}
