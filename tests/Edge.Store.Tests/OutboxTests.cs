using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-outbox");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private static string Text(OutboxEntry e) => System.Text.Encoding.UTF8.GetString(e.Payload);

    [Fact]
    public void Pending_entries_come_out_alerts_first_then_in_enqueue_order()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s1"), Records.Message(OutboxKind.Summary, "s2")], OutboxPolicy.Default);
        store.EnqueueOutbox([Records.Message(OutboxKind.Alert, "a1")], OutboxPolicy.Default);
        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s3"), Records.Message(OutboxKind.Alert, "a2")], OutboxPolicy.Default);

        Assert.Equal(["a1", "a2", "s1", "s2", "s3"], store.PeekPending(10).Select(Text));
        Assert.Equal(["a1", "a2"], store.PeekPending(2).Select(Text));
    }

    [Fact]
    public void Sent_entries_leave_the_pending_range_and_keep_their_record()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        OutboxEnqueueReport r = store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s1"), Records.Message(OutboxKind.Summary, "s2")], OutboxPolicy.Default);

        store.MarkSent(r.AddedIds[0]);

        Assert.Equal(["s2"], store.PeekPending(10).Select(Text));
        OutboxEntry sent = store.GetOutboxEntry(r.AddedIds[0])!;
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(0, sent.PendingKey);
        Assert.Equal(1, store.GetOutboxStats().Pending);
    }

    [Fact]
    public void A_full_outbox_drops_oldest_summaries_first_and_counts_every_drop()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        var policy = new OutboxPolicy(3, TimeSpan.FromDays(1));
        store.EnqueueOutbox([Records.Message(OutboxKind.Alert, "a1")], policy);
        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s1"), Records.Message(OutboxKind.Summary, "s2")], policy);

        OutboxEnqueueReport r = store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s3"), Records.Message(OutboxKind.Summary, "s4")], policy);

        Assert.Equal(2, r.DroppedForCapacity);
        Assert.Equal(["a1", "s3", "s4"], store.PeekPending(10).Select(Text));
        OutboxStats stats = store.GetOutboxStats();
        Assert.Equal(2, stats.Dropped);
        Assert.Equal(2, stats.Lost);
        Assert.Equal(2, store.ListOutbox(OutboxState.Dropped, 10).Count);
        Assert.Contains(store.ListAudit(DateTimeOffset.MinValue, 10), e => e.Kind == "outbox.dropped");

        // Only alerts left to drop: the oldest alert goes.
        store.EnqueueOutbox([Records.Message(OutboxKind.Alert, "a2"), Records.Message(OutboxKind.Alert, "a3"), Records.Message(OutboxKind.Alert, "a4")], policy);
        Assert.Equal(["a2", "a3", "a4"], store.PeekPending(10).Select(Text));
        Assert.Equal(5, store.GetOutboxStats().Dropped);
    }

    [Fact]
    public void Entries_past_their_age_expire_oldest_first_and_are_counted()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        var policy = new OutboxPolicy(100, TimeSpan.FromHours(10));
        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "old")], policy);
        _time.Advance(TimeSpan.FromHours(6));
        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "new")], policy);
        _time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(1, store.ExpirePending());

        Assert.Equal(["new"], store.PeekPending(10).Select(Text));
        Assert.Equal(1, store.GetOutboxStats().Expired);
        Assert.Equal(OutboxState.Expired, store.ListOutbox(OutboxState.Expired, 1).Single().State);
    }

    [Fact]
    public void Dead_letters_are_kept_counted_and_never_pending()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        OutboxEnqueueReport r = store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "x"), Records.Message(OutboxKind.Summary, "y")], OutboxPolicy.Default);
        store.RecordAttemptFailure(r.AddedIds[0], "PUBACK NotAuthorized");

        store.MarkDeadLetter(r.AddedIds[0], "PUBACK NotAuthorized");

        Assert.Equal(["y"], store.PeekPending(10).Select(Text));
        OutboxStats stats = store.GetOutboxStats();
        Assert.Equal(1, stats.DeadLetters);
        Assert.Equal(1, stats.DeadLettersTotal);
        Assert.Equal(1, store.GetOutboxEntry(r.AddedIds[0])!.Attempts);
    }

    [Fact]
    public void Enqueue_raises_the_outbox_event_after_commit()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        var seen = new List<bool>();
        store.OutboxEnqueued += alert => seen.Add(alert);

        store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "s")], OutboxPolicy.Default);
        store.EnqueueOutbox([Records.Message(OutboxKind.Alert, "a")], OutboxPolicy.Default);
        store.EnqueueOutbox([], OutboxPolicy.Default);

        Assert.Equal([false, true], seen);
    }

    [Fact]
    public void Sequence_numbers_keep_growing_across_restarts()
    {
        string path = _dir.File("edge.db");
        long last;
        using (EdgeStore store = TestStore.Open(path, _time))
        {
            OutboxEnqueueReport r = store.EnqueueOutbox([Records.Message(OutboxKind.Summary, "1"), Records.Message(OutboxKind.Summary, "2")], OutboxPolicy.Default);
            store.MarkSent(r.AddedIds[1]);
            last = r.AddedIds[1];
        }

        using EdgeStore reopened = TestStore.Open(path, _time);
        OutboxEnqueueReport next = reopened.EnqueueOutbox([Records.Message(OutboxKind.Summary, "3")], OutboxPolicy.Default);
        Assert.True(next.AddedIds[0] > last);
        Assert.Equal(["1", "3"], reopened.PeekPending(10).Select(Text));
    }
}
