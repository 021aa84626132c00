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
    public void Warm_up_on_a_scratch_store_commits_the_summary_and_alert_there_and_nothing_in_the_real_one()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        using EdgeStore scratch = TestStore.Open(_dir.File("scratch.db"));
        SummaryStage stage = Stage(store);
        var series = new SeriesRecord { SeriesInstanceUid = "2.25.7", StudyInstanceUid = "2.25.8" };
        scratch.CompleteSeries(series, out _);
        JobRecord job = scratch.TryLeaseNextJob("test") ?? throw new InvalidOperationException("no job");

        OutboxEnqueueReport report = stage.WarmUp(scratch, job.Id, series, Suspicious(series));

        Assert.Equal(2, report.AddedIds.Count);
        Assert.True(report.AnyAlert);
        Assert.Equal(["Alert", "Summary"], scratch.PeekPending(10).Select(e => e.Kind.ToString()).Order());
        Assert.Equal(1, scratch.CountResults(Decision.Suspicious));
        Assert.Empty(store.PeekPending(10));
        Assert.Equal(0, store.CountResults(Decision.Suspicious));
        Assert.Empty(store.ListLatestResults(10));
    }

    [Fact]
    public void Warm_up_refuses_the_stages_own_store()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));

        var series = new SeriesRecord { SeriesInstanceUid = "2.25.7" };
        Assert.Throws<ArgumentException>(() => Stage(store).WarmUp(store, 1, series, Suspicious(series)));
        Assert.Empty(store.PeekPending(10));
    }

    private static ResultRecord Suspicious(SeriesRecord series)
    {
        var finding = new Finding { Label = "warm-up", Probability = 1, VolumeMl = 1, MaxDiameterMm = 10, Location = "head", CentroidLps = [0, 0, 0], VoxelCount = 1 };
        var model = new ModelResult { Id = "warm-up", Version = "0", Eligible = true, Probability = 1, Threshold = 0.5, Decision = Decision.Suspicious, Findings = [finding] };
        return new ResultRecord { Id = Guid.NewGuid(), SeriesInstanceUid = series.SeriesInstanceUid, Decision = Decision.Suspicious, Models = [model] };
    }

    private static SummaryStage Stage(EdgeStore store) =>
        new(store, new SummaryBuilder(DeviceSecret.FromText("a-per-device-secret-of-sufficient-length-0002", "test"), "ct-1", "clinic-a"),
            new TopicNames("edge/v1", "clinic-a", "ct-1"), OutboxPolicy.Default, NullLogger<SummaryStage>.Instance);
}
