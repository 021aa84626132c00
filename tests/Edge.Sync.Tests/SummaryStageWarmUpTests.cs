using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync.Summaries;
using Edge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Sync.Tests;

public sealed class SummaryStageWarmUpTests : IDisposable
{
    private readonly TempDirectory _dir = new("sync-warmup");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Warm_up_builds_a_summary_but_stores_and_queues_nothing()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        var stage = new SummaryStage(store, new SummaryBuilder(DeviceSecret.FromText("a-per-device-secret-of-sufficient-length-0002", "test"), "ct-1", "clinic-a"),
            new TopicNames("edge/v1", "clinic-a", "ct-1"), OutboxPolicy.Default, NullLogger<SummaryStage>.Instance);

        stage.WarmUp();

        Assert.Empty(store.PeekPending(10));
        Assert.Equal(0, store.CountResults(Decision.Suspicious));
        Assert.Empty(store.ListLatestResults(10));
    }
}
