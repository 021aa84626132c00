using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-concurrency");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Enqueue_and_publish_from_different_threads_keep_unique_ordered_ids()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"));
        using var stop = new CancellationTokenSource();
        int sent = 0;
        Task publisher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested || store.GetOutboxStats().Pending > 0)
            {
                foreach (OutboxEntry e in store.PeekPending(4))
                {
                    store.MarkSent(e.Id);
                    sent++;
                }

                _ = store.GetStatus();
            }
        });
        Task heartbeat = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                store.ExpirePending();
                _ = store.GetOutboxStats();
            }
        });

        var ids = new List<long>();
        for (int i = 0; i < 100; i++)
        {
            store.EnqueueJob($"2.25.{i}", 0, out _);
            JobRecord job = store.TryLeaseNextJob("w")!;
            OutboxEnqueueReport r = store.CompleteJob(job.Id, Records.Result(job.SeriesInstanceUid), [Records.Message(OutboxKind.Summary, i.ToString(System.Globalization.CultureInfo.InvariantCulture))], OutboxPolicy.Default);
            ids.AddRange(r.AddedIds);
        }

        await stop.CancelAsync();
        await Task.WhenAll(publisher, heartbeat);
        Assert.Equal(100, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(100, sent);
    }
}
