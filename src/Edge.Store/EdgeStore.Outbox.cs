using Edge.Store.Documents;
using LiteDB;

namespace Edge.Store;

/// <summary>The durable outbox: messages wait here until the broker acknowledges them.</summary>
public sealed partial class EdgeStore
{
    /// <summary>Raised after a commit that added outbox entries; the argument says whether any was an alert.</summary>
    public event Action<bool>? OutboxEnqueued;

    /// <summary>Adds messages (e.g. a heartbeat-independent notice) outside a job completion.</summary>
    public OutboxEnqueueReport EnqueueOutbox(IReadOnlyCollection<OutboxEntry> messages, OutboxPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(policy);
        OutboxEnqueueReport report = Write(Durability.Synced, () => EnqueueOutboxCore(messages, policy));
        RaiseOutboxEvents(report);
        return report;
    }

    private OutboxEnqueueReport EnqueueOutboxCore(IReadOnlyCollection<OutboxEntry> messages, OutboxPolicy policy)
    {
        if (messages.Count == 0)
        {
            return OutboxEnqueueReport.Empty;
        }

        var added = new List<OutboxEntry>(messages.Count);
        foreach (OutboxEntry entry in messages)
        {
            ArgumentException.ThrowIfNullOrEmpty(entry.Topic);
            entry.Id = NextCounterCore(StoreCounterNames.OutboxSequence);
            entry.State = OutboxState.Pending;
            entry.PendingKey = OutboxEntry.MakePendingKey(entry.Kind, entry.Id);
            entry.CreatedAt = Now;
            entry.ExpiresAt = Now + policy.MaxAge;
            entry.Attempts = 0;
            Outbox.Insert(entry);
            added.Add(entry);
        }

        int dropped = EnforceCapacityCore(policy.MaxPending);
        return OutboxEnqueueReport.From(added, dropped);
    }

    /// <summary>
    /// Oldest-first eviction when more than <paramref name="maxPending"/> entries wait: the oldest summaries go
    /// first, alerts only when no summary is left to drop. Every drop is counted and audited.
    /// </summary>
    private int EnforceCapacityCore(int maxPending)
    {
        int pending = Outbox.Count(x => x.PendingKey > 0);
        int excess = pending - maxPending;
        if (excess <= 0)
        {
            return 0;
        }

        int dropped = 0;
        foreach (bool alertsLane in new[] { false, true })
        {
            if (dropped >= excess)
            {
                break;
            }

            long low = alertsLane ? 1 : OutboxEntry.SummaryLaneOffset;
            long high = alertsLane ? OutboxEntry.SummaryLaneOffset : long.MaxValue;
            List<OutboxEntry> victims = Outbox.Query()
                .Where(x => x.PendingKey >= low && x.PendingKey < high)
                .OrderBy(x => x.PendingKey)
                .Limit(excess - dropped)
                .ToList();
            foreach (OutboxEntry victim in victims)
            {
                FinishCore(victim, OutboxState.Dropped, "outbox full: oldest entry dropped");
                dropped++;
            }
        }

        AddCounterCore(StoreCounterNames.OutboxDropped, dropped);
        AppendAuditCore("outbox.dropped", $"{dropped} pending entries dropped, oldest first (limit {maxPending})");
        StoreLog.OutboxDropped(_logger, dropped, maxPending);
        return dropped;
    }

    /// <summary>Pending entries in publish order: alerts first, then summaries, each oldest first.</summary>
    public IReadOnlyList<OutboxEntry> PeekPending(int limit) =>
        Outbox.Query().Where(x => x.PendingKey > 0).OrderBy(x => x.PendingKey).Limit(limit).ToList();

    /// <summary>The broker acknowledged the entry with a success reason code.</summary>
    public void MarkSent(long id) => Finish(id, OutboxState.Sent, error: null);

    /// <summary>The broker refused the entry for good; it is kept but never retried.</summary>
    public void MarkDeadLetter(long id, string reason)
    {
        Write(Durability.Synced, () =>
        {
            OutboxEntry? entry = Outbox.FindById(id);
            if (entry is null || entry.State != OutboxState.Pending)
            {
                return;
            }

            FinishCore(entry, OutboxState.DeadLetter, reason);
            AddCounterCore(StoreCounterNames.OutboxDeadLetters, 1);
            AppendAuditCore("outbox.dead_letter", $"entry {id} ({entry.Kind}): {reason}");
        });
    }

    /// <summary>Records a failed publish attempt; the entry stays pending and keeps its place.</summary>
    public void RecordAttemptFailure(long id, string error)
    {
        Write(Durability.Written, () =>
        {
            OutboxEntry? entry = Outbox.FindById(id);
            if (entry is null || entry.State != OutboxState.Pending)
            {
                return;
            }

            entry.Attempts++;
            entry.LastError = error;
            Outbox.Update(entry);
        });
    }

    /// <summary>Drops every pending entry past its expiry, oldest first; returns how many.</summary>
    public int ExpirePending()
    {
        DateTimeOffset now = Now;
        int expired = Write(Durability.Synced, () =>
        {
            int count = 0;
            foreach (OutboxEntry entry in Outbox.Find(x => x.PendingKey > 0 && x.ExpiresAt <= now).ToList())
            {
                FinishCore(entry, OutboxState.Expired, "expired before the broker could be reached");
                count++;
            }

            if (count > 0)
            {
                AddCounterCore(StoreCounterNames.OutboxExpired, count);
                AppendAuditCore("outbox.expired", $"{count} pending entries expired unsent");
            }

            return count;
        });
        if (expired > 0)
        {
            StoreLog.OutboxExpired(_logger, expired);
        }

        return expired;
    }

    public OutboxEntry? GetOutboxEntry(long id) => Outbox.FindById(id);

    /// <summary>Outbox entries newest first, optionally of one state (GET /outbox).</summary>
    public IReadOnlyList<OutboxEntry> ListOutbox(OutboxState? state, int limit)
    {
        ILiteQueryable<OutboxEntry> query = Outbox.Query();
        if (state is { } s)
        {
            query = query.Where(x => x.State == s);
        }

        return query.OrderByDescending(x => x.Id).Limit(limit).ToList();
    }

    /// <summary>Backlog and loss figures for the heartbeat, GET /status and GET /outbox.</summary>
    public OutboxStats GetOutboxStats()
    {
        OutboxEntry? oldest = Outbox.Query().Where(x => x.PendingKey > 0).OrderBy(x => x.PendingKey).FirstOrDefault();
        return new OutboxStats(
            Pending: Outbox.Count(x => x.PendingKey > 0),
            DeadLetters: Outbox.Count(x => x.State == OutboxState.DeadLetter),
            Dropped: ReadCounter(StoreCounterNames.OutboxDropped),
            Expired: ReadCounter(StoreCounterNames.OutboxExpired),
            DeadLettersTotal: ReadCounter(StoreCounterNames.OutboxDeadLetters),
            OldestPendingAt: oldest?.CreatedAt);
    }

    private void Finish(long id, OutboxState state, string? error)
    {
        Write(Durability.Synced, () =>
        {
            OutboxEntry? entry = Outbox.FindById(id);
            if (entry is not null && entry.State == OutboxState.Pending)
            {
                FinishCore(entry, state, error);
            }
        });
    }

    private void FinishCore(OutboxEntry entry, OutboxState state, string? error)
    {
        entry.State = state;
        entry.PendingKey = 0;
        entry.FinishedAt = Now;
        if (error is not null)
        {
            entry.LastError = error;
        }

        Outbox.Update(entry);
    }

    private void RaiseOutboxEvents(OutboxEnqueueReport report)
    {
        if (report.AddedIds.Count > 0)
        {
            OutboxEnqueued?.Invoke(report.AnyAlert);
        }
    }
}
