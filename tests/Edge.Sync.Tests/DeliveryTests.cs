using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;

namespace Edge.Sync.Tests;

/// <summary>Outbox delivery through a real mosquitto.</summary>
public sealed class DeliveryTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("sync-delivery");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Summaries_arrive_in_order_with_mqtt5_properties_and_are_marked_sent()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        using TestSubscriber sub = await TestSubscriber.ConnectAsync(broker.Port);
        await using var edge = new SyncHarness(_dir, broker.Port);
        await edge.WaitConnectedAsync();

        var sent = Enumerable.Range(0, 10).Select(_ => edge.Process(Decision.Negative).Id).ToList();

        IReadOnlyList<ReceivedMessage> got = await sub.WaitForAsync(m => m.Count(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal)) >= 10, Wait, "10 summaries");
        List<ReceivedMessage> summaries = got.Where(m => m.Topic == "edge/v1/clinic-a/ct-1/summary").ToList();
        Assert.Equal(sent, summaries.Select(m => m.Id));
        foreach (ReceivedMessage m in summaries)
        {
            Assert.False(m.Retain);
            Assert.Equal("application/json", m.ContentType);
            Assert.Equal("1", m.Property("schema-version"));
            Assert.Equal(m.Id.ToString(), m.Property("message-id"));
            Assert.InRange(m.MessageExpiryInterval, (uint)(13 * 86400), (uint)(14 * 86400));
        }

        await WaitUntil(() => edge.Store.GetOutboxStats().Pending == 0, "outbox drained");
        Assert.Equal(10, edge.Store.ListOutbox(OutboxState.Sent, 100).Count);

        ReceivedMessage status = Assert.Single(sub.On("/status"));
        Assert.True(status.Retain || status.Json.GetProperty("state").GetString() == "online");
        Assert.Equal("online", status.Json.GetProperty("state").GetString());
        Assert.Equal("9.8.7", status.Json.GetProperty("version").GetString());
        Assert.Equal("pancreas-screen", status.Json.GetProperty("models")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_entry_is_marked_sent_only_after_a_successful_puback()
    {
        // The ACL lets this device publish status and heartbeat but not summaries: mosquitto answers the
        // summary's PUBLISH with PUBACK 0x87 (not authorized).
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings
        {
            Acl = ["topic write edge/v1/+/+/status", "topic write edge/v1/+/+/heartbeat", "topic write edge/v1/+/+/alert", "topic read #"],
        });
        await using var edge = new SyncHarness(_dir, broker.Port);
        await edge.WaitConnectedAsync();

        ResultRecord refused = edge.Process(Decision.Negative);

        await WaitUntil(() => edge.Store.GetOutboxStats().DeadLetters == 1, "dead letter");
        OutboxEntry entry = edge.Store.ListOutbox(OutboxState.DeadLetter, 1).Single();
        Assert.Equal(refused.Id, entry.MessageId);
        Assert.Contains("NotAuthorized", entry.LastError, StringComparison.Ordinal);
        Assert.Empty(edge.Store.ListOutbox(OutboxState.Sent, 10));
        Assert.Equal(1, edge.Runtime.Heartbeat.Build().DeadLetters);
        Assert.Contains("outbox_dead_letters", edge.Runtime.Heartbeat.Build().Alarms);

        // With the broker gone, nothing can be acknowledged, so nothing is marked sent.
        broker.Stop();
        edge.Process(Decision.Negative);
        await Task.Delay(1000);
        Assert.Equal(1, edge.Store.GetOutboxStats().Pending);
        Assert.Empty(edge.Store.ListOutbox(OutboxState.Sent, 10));
    }

    [Fact]
    public async Task A_broker_outage_loses_nothing_and_order_holds()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Persistence = true });

        // The central consumer keeps a persistent session, as docs/MQTT.md tells central sites to.
        using TestSubscriber sub = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary", "central-1", sessionExpiry: 3600);
        await using var edge = new SyncHarness(_dir, broker.Port);
        await edge.WaitConnectedAsync();
        var expected = new List<Guid>();
        for (int i = 0; i < 5; i++)
        {
            expected.Add(edge.Process(Decision.Negative).Id);
        }

        await sub.WaitForAsync(m => m.Count >= 5, Wait, "first 5 summaries");
        broker.Stop();
        for (int i = 0; i < 5; i++)
        {
            expected.Add(edge.Process(i == 2 ? Decision.NotEligible : Decision.Negative).Id);
        }

        Assert.Equal(5, edge.Store.GetOutboxStats().Pending);
        broker.Start();
        await ReconnectAsync(sub);

        IReadOnlyList<ReceivedMessage> got = await sub.WaitForAsync(m => m.Select(x => x.Id).Distinct().Count() >= 10, Wait, "all 10 summaries");
        List<Guid> firstSeen = got.Select(m => m.Id).Distinct().ToList();
        Assert.Equal(expected, firstSeen);
        await WaitUntil(() => edge.Store.GetOutboxStats().Pending == 0, "outbox drained");
        await Task.Delay(500);
        Assert.Equal(10, sub.Messages.Count); // nothing was delivered twice
    }

    [Fact]
    public async Task Alerts_overtake_a_summary_backlog()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Persistence = true });
        await using var edge = new SyncHarness(_dir, broker.Port);
        using TestSubscriber sub = await ConnectCentralAsync(broker.Port);
        await edge.WaitConnectedAsync();
        broker.Stop();
        var backlog = Enumerable.Range(0, 5).Select(_ => edge.Process(Decision.Negative).Id).ToList();
        ResultRecord suspicious = edge.Process(Decision.Suspicious);

        int before = sub.Messages.Count;
        broker.Start();
        await ReconnectAsync(sub);
        IReadOnlyList<ReceivedMessage> got = (await sub.WaitForAsync(
            m => m.Skip(before).Count(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal) || x.Topic.EndsWith("/alert", StringComparison.Ordinal)) >= 7,
            Wait, "alert and 6 summaries")).Skip(before).ToList();

        List<ReceivedMessage> ordered = got.Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal)
            && !m.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)).ToList();
        Assert.EndsWith("/alert", ordered[0].Topic, StringComparison.Ordinal);
        Assert.Equal(suspicious.Id.ToString(), ordered[0].Json.GetProperty("summaryId").GetString());
        Assert.Equal([.. backlog, suspicious.Id], ordered.Skip(1).Select(m => m.Id));
    }

    [Fact]
    public async Task A_full_outbox_drops_the_oldest_and_the_heartbeat_reports_it()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Persistence = true });
        await using var edge = new SyncHarness(_dir, broker.Port, o =>
        {
            o.Outbox.MaxPending = 3;
            o.HeartbeatSeconds = 1;
        });
        using TestSubscriber sub = await ConnectCentralAsync(broker.Port);
        await edge.WaitConnectedAsync();
        broker.Stop();
        var ids = Enumerable.Range(0, 5).Select(_ => edge.Process(Decision.Negative).Id).ToList();
        Assert.Equal(2, edge.Store.GetOutboxStats().Dropped);

        int before = sub.Messages.Count;
        broker.Start();
        await ReconnectAsync(sub);
        IReadOnlyList<ReceivedMessage> got = (await sub.WaitForAsync(
            m => m.Skip(before).Count(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal)) >= 3
                && m.Skip(before).Any(ReportsDrops),
            Wait, "3 summaries and a heartbeat reporting the drops")).Skip(before).ToList();

        Assert.Equal(ids[2..], got.Where(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal)).Select(m => m.Id));
        ReceivedMessage beat = got.First(ReportsDrops);
        Assert.Equal(2, beat.Json.GetProperty("dropped").GetInt64());
        Assert.True(beat.Json.GetProperty("diskFreeBytes").GetInt64() > 0);
        Assert.Equal("CPU", beat.Json.GetProperty("executionProvider").GetString());
        Assert.True(beat.Json.TryGetProperty("queueDepth", out _));
        Assert.True(beat.Json.TryGetProperty("outboxBacklog", out _));
        string lastError = beat.Json.GetProperty("lastError").GetString()!;
        Assert.True(lastError.Contains("connection lost", StringComparison.Ordinal) || lastError.Contains("cannot reach the broker", StringComparison.Ordinal), lastError);
    }

    // A heartbeat from before the outage can be redelivered to the persistent session after it; it reports no drops.
    private static bool ReportsDrops(ReceivedMessage m) =>
        m.Topic.EndsWith("/heartbeat", StringComparison.Ordinal) && m.Json.GetProperty("dropped").GetInt64() > 0;

    /// <summary>
    /// A central consumer with a persistent session, subscribed before the outage: the edge may reconnect and flush its
    /// backlog before the test's client is back, and only a persistent session (restored by the broker's persistence)
    /// keeps those messages for it, as for a real central site (docs/MQTT.md).
    /// </summary>
    private static Task<TestSubscriber> ConnectCentralAsync(int port) =>
        TestSubscriber.ConnectAsync(port, "edge/v1/+/+/+", "central-" + Guid.NewGuid().ToString("N")[..8], sessionExpiry: 3600);

    private static async Task ReconnectAsync(TestSubscriber sub)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                await sub.ReconnectAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    internal static async Task WaitUntil(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(25);
        }
    }
}
