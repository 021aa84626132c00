using Edge.Store;
using Edge.Store.Documents;
using Edge.Tests.Support;

namespace Edge.Store.Tests;

/// <summary>The durable DICOM forwarding queue: one item per instance and destination, retries, dead letters, retention's view.</summary>
public sealed class ForwardingQueueTests : IDisposable
{
    private readonly TempDirectory _dir = new("store-forwarding");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private static ForwardRequest Original(string destination, string sop) =>
        new(destination, ForwardKind.Original, $"/data/incoming/1.2/1.2.3/{sop}.dcm", "1.2", "1.2.3", sop, "1.2.840.10008.5.1.4.1.1.2");

    [Fact]
    public void An_instance_is_queued_once_per_destination_however_often_it_arrives_and_due_items_come_oldest_first()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        Assert.Equal(2, store.EnqueueForwarding([Original("pacs", "1.1"), Original("ai", "1.1")]));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, store.EnqueueForwarding([Original("pacs", "1.2")]));
        Assert.Equal(0, store.EnqueueForwarding([Original("pacs", "1.1")]));

        Assert.Equal(["1.1", "1.2"], store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10).Select(i => i.SopInstanceUid));
        Assert.Equal(["1.1"], store.PeekDueForwarding("pacs", _time.GetUtcNow(), 1).Select(i => i.SopInstanceUid));
        Assert.Equal(["1.1"], store.PeekDueForwarding("ai", _time.GetUtcNow(), 10).Select(i => i.SopInstanceUid));
        Assert.Equal(new ForwardingStats(3, 0, 0, _time.GetUtcNow() - TimeSpan.FromSeconds(1)), store.GetForwardingStats());
        Assert.Equal((2, 2), store.GetForwardingOf(Original("pacs", "1.1").Path));
    }

    [Fact]
    public void Sent_items_leave_the_queue_and_an_instance_sent_again_by_the_modality_is_queued_again()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        store.EnqueueForwarding([Original("pacs", "1.1"), Original("pacs", "1.2")]);
        ForwardItem first = store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10)[0];

        store.MarkForwarded([first.Id]);

        Assert.Equal(["1.2"], store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10).Select(i => i.SopInstanceUid));
        ForwardItem sent = store.GetForwardItem(first.Id)!;
        Assert.Equal(ForwardState.Sent, sent.State);
        Assert.Equal(0, sent.DueAt);
        Assert.Equal(_time.GetUtcNow(), sent.FinishedAt);
        Assert.Equal((1, 0), store.GetForwardingOf(first.Path));
        Assert.Equal(1, store.CountForwarding("pacs", ForwardState.Sent));

        Assert.Equal(1, store.EnqueueForwarding([Original("pacs", "1.1")]));
        Assert.Equal(ForwardState.Pending, store.GetForwardItem(first.Id)!.State);
        Assert.Equal(2, store.GetForwardingStats().Pending);
    }

    [Fact]
    public void A_refused_item_waits_for_its_retry_and_is_dead_lettered_after_the_last_attempt()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        store.EnqueueForwarding([Original("pacs", "1.1")]);
        long id = store.PeekDueForwarding("pacs", _time.GetUtcNow(), 1)[0].Id;

        Assert.False(store.RecordForwardFailure(id, "A700 out of resources", _time.GetUtcNow() + TimeSpan.FromSeconds(5), maxAttempts: 2, permanent: false));
        Assert.Empty(store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(5), store.NextForwardingDue("pacs"));
        _time.Advance(TimeSpan.FromSeconds(5));
        ForwardItem retry = Assert.Single(store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10));
        Assert.Equal(1, retry.Attempts);
        Assert.Equal("A700 out of resources", retry.LastError);

        Assert.True(store.RecordForwardFailure(id, "A700 out of resources", _time.GetUtcNow() + TimeSpan.FromSeconds(10), maxAttempts: 2, permanent: false));
        Assert.Empty(store.PeekDueForwarding("pacs", _time.GetUtcNow() + TimeSpan.FromDays(1), 10));
        Assert.Null(store.NextForwardingDue("pacs"));
        Assert.Equal(ForwardState.DeadLetter, store.GetForwardItem(id)!.State);
        Assert.Equal(new ForwardingStats(0, 0, 1, null), store.GetForwardingStats());
        Assert.Contains(store.ListAudit(DateTimeOffset.MinValue, 10), e => e.Kind == "forward.dead_letter");

        // A later failure report (a late answer) changes nothing on a finished item.
        Assert.False(store.RecordForwardFailure(id, "late", _time.GetUtcNow(), maxAttempts: 2, permanent: true));
    }

    [Fact]
    public void A_permanent_failure_dead_letters_at_once_and_an_unreachable_destination_costs_no_attempt()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        store.EnqueueForwarding([Original("pacs", "1.1"), Original("pacs", "1.2")]);
        IReadOnlyList<ForwardItem> due = store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10);

        Assert.True(store.RecordForwardFailure(due[0].Id, "the file is gone", _time.GetUtcNow(), maxAttempts: 10, permanent: true));
        for (int i = 0; i < 50; i++)
        {
            store.DeferForwarding([due[1].Id], "Connection refused", _time.GetUtcNow() + TimeSpan.FromSeconds(2));
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        ForwardItem waiting = Assert.Single(store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10));
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(ForwardState.Pending, waiting.State);
        Assert.Equal("Connection refused", waiting.LastError);
    }

    [Fact]
    public void Pending_items_of_a_destination_no_longer_configured_are_dead_lettered_and_the_others_untouched()
    {
        using EdgeStore store = TestStore.Open(_dir.File("edge.db"), _time);
        store.EnqueueForwarding([Original("pacs", "1.1"), Original("old-pacs", "1.1"), Original("old-pacs", "1.2")]);
        store.MarkForwarded([store.PeekDueForwarding("old-pacs", _time.GetUtcNow(), 1)[0].Id]);

        Assert.Equal(1, store.DeadLetterUnconfigured(["pacs"]));

        Assert.Equal(1, store.CountForwarding("old-pacs", ForwardState.Sent));
        Assert.Equal(1, store.CountForwarding("old-pacs", ForwardState.DeadLetter));
        Assert.Equal(1, store.CountForwarding("pacs", ForwardState.Pending));
        Assert.Contains("no longer configured", store.GetForwardItemsOf(Original("old-pacs", "1.2").Path).Single(i => i.Destination == "old-pacs").LastError,
            StringComparison.Ordinal);
        Assert.Equal(0, store.DeadLetterUnconfigured(["pacs"]));
    }

    [Fact]
    public void The_queue_survives_a_reopen_and_pruning_takes_only_old_finished_items()
    {
        string path = _dir.File("edge.db");
        using (EdgeStore store = TestStore.Open(path, _time))
        {
            store.EnqueueForwarding([Original("pacs", "1.1"), Original("pacs", "1.2"), Original("pacs", "1.3")]);
            IReadOnlyList<ForwardItem> due = store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10);
            store.MarkForwarded([due[0].Id]);
            store.RecordForwardFailure(due[1].Id, "refused", _time.GetUtcNow(), 1, permanent: false);
        }

        _time.Advance(TimeSpan.FromDays(8));
        using (EdgeStore store = TestStore.Open(path, _time))
        {
            Assert.Equal(new ForwardingStats(1, 1, 1, _time.GetUtcNow() - TimeSpan.FromDays(8)), store.GetForwardingStats());
            Assert.Equal(2, store.PruneForwarding(_time.GetUtcNow() - TimeSpan.FromDays(7)));
            Assert.Equal(["1.3"], store.ListForwarding(null, 10).Select(i => i.SopInstanceUid));
        }
    }
}
