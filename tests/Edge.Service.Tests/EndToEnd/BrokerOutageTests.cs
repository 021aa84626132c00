using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>The central link goes down while the scanner keeps scanning.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class BrokerOutageTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _dir = new("edge-outage");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Summaries_made_while_the_broker_is_down_arrive_exactly_once_in_order_after_it_returns()
    {
        // Persistence and a persistent subscriber session: the consumer must not miss what is published while it reconnects.
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName, new Mosquitto.Settings { Persistence = true });
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary", clientId: "central-outage", sessionExpiry: 600);
        using EdgeService edge = EdgeService.Start(_dir, broker.Port);
        PhantomSeries before = PhantomSeries.Write(_dir.File("before"), seed: 31, lesion: false);
        PhantomSeries during1 = PhantomSeries.Write(_dir.File("during1"), seed: 32, lesion: false);
        PhantomSeries during2 = PhantomSeries.Write(_dir.File("during2"), seed: 33, lesion: false);

        Assert.Equal(0, (await Modality.SendAsync(edge.Port, before.Directory)).ExitCode);
        await edge.WaitForAsync(central, m => m.Count == 1, Wait, "the first summary");

        broker.Stop();
        await edge.WaitStatusAsync(s => !s.GetProperty("mqtt").GetProperty("connected").GetBoolean(), Wait, "the link to drop");
        Assert.Equal(0, (await Modality.SendAsync(edge.Port, during1.Directory)).ExitCode);
        Assert.Equal(0, (await Modality.SendAsync(edge.Port, during2.Directory)).ExitCode);
        JsonElement waiting = await edge.WaitStatusAsync(
            s => s.GetProperty("queue").GetProperty("done").GetInt32() + s.GetProperty("queue").GetProperty("failed").GetInt32() == 3
                && s.GetProperty("outbox").GetProperty("pending").GetInt32() >= 2,
            Wait, "both series processed into the outbox (their summaries, and alerts for suspicious ones)");
        Assert.False(waiting.GetProperty("mqtt").GetProperty("connected").GetBoolean());
        Assert.NotNull(waiting.GetProperty("mqtt").GetProperty("lastError").GetString());

        broker.Start();
        await central.ReconnectAsync();
        IReadOnlyList<ReceivedMessage> summaries = await edge.WaitForAsync(central, m => m.Select(x => x.Id).Distinct().Count() == 3, Wait, "all three summaries");
        await edge.WaitStatusAsync(s => s.GetProperty("outbox").GetProperty("pending").GetInt32() == 0, Wait, "the outbox to drain");
        await Task.Delay(1000);

        // Exactly once by id: three ids, one per series, none lost and none minted twice. QoS 1 allows the broker to
        // redeliver a message to a resuming session; such a copy carries the same id and the same bytes.
        summaries = central.Messages;
        var byId = summaries.GroupBy(m => m.Id).ToList();
        Assert.Equal(3, byId.Count);
        Assert.All(byId, g => Assert.All(g, copy => Assert.Equal(g.First().Payload, copy.Payload)));
        Assert.Equal(3, byId.Select(g => g.First().Json.GetProperty("seriesKey").GetString()).Distinct().Count());

        // In order: as first received, the summaries are in the order they were made.
        string[] made = [.. byId.Select(g => g.First().Json.GetProperty("createdAt").GetString()!)];
        Assert.Equal(made.Order(StringComparer.Ordinal), made);
        Phi.AssertAbsent(summaries, [.. before.Identifiers, .. during1.Identifiers, .. during2.Identifiers]);
    }
}
