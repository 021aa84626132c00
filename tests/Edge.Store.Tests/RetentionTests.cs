using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

public sealed class RetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-retention");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private void Process(EdgeStore store, string uid, bool send)
    {
        store.CompleteSeries(new SeriesRecord { SeriesInstanceUid = uid, StoragePath = "/data/in/" + uid }, out _);
        JobRecord job = store.TryLeaseNextJob("w")!;
        ResultRecord result = Records.Result(uid);
        result.CreatedAt = _time.GetUtcNow();
        OutboxEnqueueReport r = store.CompleteJob(job.Id, result, [Records.Message(OutboxKind.Summary, uid)], OutboxPolicy.Default);
        if (send)
        {
            store.MarkSent(r.AddedIds[0]);
        }
    }

    [Fact]
    public void Prune_removes_old_results_jobs_series_and_sent_messages_but_never_pending_ones()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time, o =>
        {
            o.ResultRetentionDays = 30;
            o.FinishedOutboxRetentionDays = 7;
            o.AuditRetentionDays = 90;
        });
        Process(store, "2.25.1", send: true);
        Process(store, "2.25.2", send: false);
        _time.Advance(TimeSpan.FromDays(31));
        Process(store, "2.25.3", send: true);

        RetentionReport report = store.Prune();

        Assert.Equal(2, report.Results);
        Assert.Equal(2, report.Jobs);
        Assert.Equal(2, report.Series);
        Assert.Equal(1, report.Outbox);
        Assert.Single(store.ListLatestResults(10));
        Assert.Null(store.GetSeries("2.25.1"));
        Assert.NotNull(store.GetSeries("2.25.3"));
        // The unsent summary of a pruned result still waits for the broker.
        Assert.Equal(["2.25.2"], store.PeekPending(10).Select(e => System.Text.Encoding.UTF8.GetString(e.Payload)));
    }

    [Fact]
    public void Results_since_and_file_retention_queries_use_time_order()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        Process(store, "2.25.1", send: true);
        DateTimeOffset cut = _time.GetUtcNow() + TimeSpan.FromHours(1);
        _time.Advance(TimeSpan.FromHours(2));
        Process(store, "2.25.2", send: true);

        Assert.Equal(["2.25.2"], store.ListResultsSince(cut, 10).Select(r => r.SeriesInstanceUid));
        Assert.Equal(["2.25.2", "2.25.1"], store.ListLatestResults(10).Select(r => r.SeriesInstanceUid));
        Assert.Equal(["2.25.1"], store.ListSeriesWithFilesBefore(cut, 10).Select(s => s.SeriesInstanceUid));
        store.MarkFilesPurged("2.25.1");
        Assert.Empty(store.ListSeriesWithFilesBefore(cut, 10));
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromHours(2), store.OldestResultAt());
    }

    [Fact]
    public void Status_counts_jobs_results_and_outbox()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        Process(store, "2.25.1", send: false);
        store.EnqueueJob("2.25.2", 0, out _);

        StoreStatus status = store.GetStatus();

        Assert.Equal(1, status.QueuedJobs);
        Assert.Equal(1, status.DoneJobs);
        Assert.Equal(1, status.QueueDepth);
        Assert.Equal(1, status.Negative);
        Assert.Equal(1, status.Outbox.Pending);
        Assert.True(status.DatabaseBytes > 0);
        Assert.True(DiskSpace.AvailableBytes(_dir.Path) > 0);
    }
}
