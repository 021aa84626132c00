using System.Text;
using Edge.Store.Documents;
using Edge.Sync.Fleet;
using Edge.Sync.Summaries;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Sync.Tests;

/// <summary>The central consumer: validation, de-duplication, and shared-subscription scale-out.</summary>
public sealed class FleetWatchTests : IDisposable
{
    private readonly TempDirectory _dir = new("sync-fleet");

    public void Dispose() => _dir.Dispose();

    private static async Task<List<FleetEvent>> Drain(FleetWatcher watcher, Func<List<FleetEvent>, bool> done, TimeSpan timeout)
    {
        var events = new List<FleetEvent>();
        using var cts = new CancellationTokenSource(timeout);
        while (!done(events))
        {
            events.Add(await watcher.Events.ReadAsync(cts.Token));
        }

        return events;
    }

    private static async Task<IMqttClient> RawPublisher(int port)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        return client;
    }

    private static Task Publish(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    [Fact]
    public async Task Repeats_are_dropped_by_id_and_invalid_summaries_are_flagged()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        using var watcher = new FleetWatcher(new FleetWatchOptions { Host = "127.0.0.1", Port = broker.Port });
        await watcher.ConnectAsync(CancellationToken.None);
        var builder = new SummaryBuilder(DeviceSecret.FromText(SyncHarness.Secret, "t"), "ct-1", "clinic-a");
        var result = new ResultRecord { Id = Guid.NewGuid(), Decision = Decision.Negative, ExecutionProvider = "CPU" };
        byte[] summary = SummaryBuilder.Serialize(builder.Build(new SeriesRecord { SeriesInstanceUid = "2.25.1" }, result));
        using IMqttClient publisher = await RawPublisher(broker.Port);

        await Publish(publisher, "edge/v1/clinic-a/ct-1/summary", summary);
        await Publish(publisher, "edge/v1/clinic-a/ct-1/summary", summary);
        await Publish(publisher, "edge/v1/clinic-a/ct-1/summary", Encoding.UTF8.GetBytes($"{{\"kind\":\"summary\",\"id\":\"{Guid.NewGuid()}\",\"patientName\":\"DOE\"}}"));
        await Publish(publisher, "edge/v1/clinic-b/ct-9/summary", summary.AsSpan().ToArray() is var spoof ? Reid(spoof) : spoof);
        await Publish(publisher, "edge/v1/clinic-a/ct-1/summary", "not json"u8.ToArray());

        List<FleetEvent> events = await Drain(watcher, e => e.Count >= 4, TimeSpan.FromSeconds(20));
        await Task.Delay(300);

        Assert.Equal(result.Id, events[0].Id);
        Assert.True(events[0].IsValid);
        Assert.Equal("clinic-a", events[0].Site);
        Assert.Contains(events[1].Errors, e => e.Contains("patientName: property not allowed", StringComparison.Ordinal));
        Assert.Contains(events[2].Errors, e => e.Contains("do not match the topic", StringComparison.Ordinal));
        Assert.StartsWith("not JSON", events[3].Errors.Single(), StringComparison.Ordinal);
        Assert.Equal(1, watcher.Duplicates);
        Assert.Equal(3, watcher.Invalid);
        Assert.False(watcher.Events.TryRead(out _));
    }

    private static byte[] Reid(byte[] summary)
    {
        string text = Encoding.UTF8.GetString(summary);
        int at = text.IndexOf("\"id\":\"", StringComparison.Ordinal) + 6;
        return Encoding.UTF8.GetBytes(text[..at] + Guid.NewGuid() + text[(at + 36)..]);
    }

    [Fact]
    public async Task Consumers_in_a_shared_group_split_the_summaries_without_duplicates()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        using var a = new FleetWatcher(new FleetWatchOptions { Host = "127.0.0.1", Port = broker.Port, SharedGroup = "central" });
        using var b = new FleetWatcher(new FleetWatchOptions { Host = "127.0.0.1", Port = broker.Port, SharedGroup = "central" });
        await a.ConnectAsync(CancellationToken.None);
        await b.ConnectAsync(CancellationToken.None);
        await using var edge = new SyncHarness(_dir, broker.Port);
        await edge.WaitConnectedAsync();

        var sent = Enumerable.Range(0, 20).Select(_ => edge.Process(Decision.Negative).Id).ToHashSet();
        await DeliveryTests.WaitUntil(() => edge.Store.GetOutboxStats().Pending == 0, "all published");
        await Task.Delay(500);

        List<Guid> ReadSummaries(FleetWatcher w)
        {
            var ids = new List<Guid>();
            while (w.Events.TryRead(out FleetEvent? e))
            {
                if (e.Kind == FleetMessageKind.Summary)
                {
                    Assert.True(e.IsValid, string.Join("; ", e.Errors));
                    ids.Add(e.Id!.Value);
                }
            }

            return ids;
        }

        List<Guid> fromA = ReadSummaries(a);
        List<Guid> fromB = ReadSummaries(b);
        Assert.NotEmpty(fromA);
        Assert.NotEmpty(fromB);
        Assert.Empty(fromA.Intersect(fromB));
        Assert.Equal(sent, fromA.Concat(fromB).ToHashSet());
        Assert.Equal(20, fromA.Count + fromB.Count);
    }
}
