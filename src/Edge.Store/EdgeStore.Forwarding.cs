using Edge.Store.Documents;
using LiteDB;

namespace Edge.Store;

/// <summary>
/// The DICOM forwarding queue: every instance bound for a destination (originals to the PACS, result objects to the
/// result destinations) waits here, durably, until the destination stores it or it is dead-lettered.
/// </summary>
public sealed partial class EdgeStore
{
    private ILiteCollection<ForwardItem> Forwarding => _db.GetCollection<ForwardItem>(StoreCollections.Forwarding);

    private void EnsureForwardingIndexes()
    {
        // Key: one item per destination and instance. DueAt: the forwarder's scan of due items (0 once finished).
        // Path: retention's question "has this file gone everywhere it must?". State: the status counts.
        // One transaction: each index on its own would leave another copy of the collection's pages in the log.
        _db.BeginTrans();
        try
        {
            Forwarding.EnsureIndex(x => x.Key, unique: true);
            Forwarding.EnsureIndex(x => x.DueAt);
            Forwarding.EnsureIndex(x => x.Path);
            Forwarding.EnsureIndex(x => x.State);
            Forwarding.EnsureIndex(x => x.FinishedAt);
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Queues instances, by default durably (the log is fsync'ed before this returns). An instance already queued for a destination
    /// keeps its item; one already sent or dead-lettered is queued again, since a modality that sends an instance again
    /// may have changed it. Returns how many items became pending.
    /// </summary>
    public int EnqueueForwarding(IReadOnlyCollection<ForwardRequest> requests, Durability durability = Durability.Synced)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return 0;
        }

        return Write(durability, () =>
        {
            long due = Now.ToUnixTimeMilliseconds();
            int queued = 0;
            foreach (ForwardRequest request in requests)
            {
                ArgumentException.ThrowIfNullOrEmpty(request.Destination);
                ArgumentException.ThrowIfNullOrEmpty(request.SopInstanceUid);
                string key = ForwardItem.MakeKey(request.Destination, request.SopInstanceUid);
                ForwardItem? item = Forwarding.FindOne(x => x.Key == key);
                if (item is { State: ForwardState.Pending })
                {
                    if (item.Path != request.Path)
                    {
                        item.Path = request.Path;
                        Forwarding.Update(item);
                    }

                    continue;
                }

                bool isNew = item is null;
                item ??= new ForwardItem { Key = key, CreatedAt = Now };
                item.Destination = request.Destination;
                item.Kind = request.Kind;
                item.Path = request.Path;
                item.StudyInstanceUid = request.StudyInstanceUid;
                item.SeriesInstanceUid = request.SeriesInstanceUid;
                item.SopInstanceUid = request.SopInstanceUid;
                item.SopClassUid = request.SopClassUid;
                item.State = ForwardState.Pending;
                item.DueAt = due;
                item.Attempts = 0;
                item.LastError = null;
                item.FinishedAt = null;
                if (isNew)
                {
                    Forwarding.Insert(item);
                }
                else
                {
                    Forwarding.Update(item);
                }

                queued++;
            }

            return queued;
        });
    }

    /// <summary>Items of <paramref name="destination"/> due by <paramref name="now"/>, oldest due first.</summary>
    public IReadOnlyList<ForwardItem> PeekDueForwarding(string destination, DateTimeOffset now, int limit)
    {
        long at = now.ToUnixTimeMilliseconds();
        return Forwarding.Query()
            .Where(x => x.DueAt > 0 && x.DueAt <= at && x.Destination == destination)
            .OrderBy(x => x.DueAt)
            .Limit(limit)
            .ToList();
    }

    /// <summary>When the next pending item of <paramref name="destination"/> falls due; null when none waits.</summary>
    public DateTimeOffset? NextForwardingDue(string destination)
    {
        ForwardItem? next = Forwarding.Query().Where(x => x.DueAt > 0 && x.Destination == destination).OrderBy(x => x.DueAt).FirstOrDefault();
        return next is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(next.DueAt);
    }

    /// <summary>The destination stored these items.</summary>
    public void MarkForwarded(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        Write(Durability.Synced, () =>
        {
            foreach (long id in ids)
            {
                if (Forwarding.FindById(id) is { State: ForwardState.Pending } item)
                {
                    FinishForwardCore(item, ForwardState.Sent, null);
                }
            }
        });
    }

    /// <summary>
    /// The destination refused the instance, or it could not be read. The item is retried at <paramref name="retryAt"/>
    /// unless this was attempt <paramref name="maxAttempts"/> or the failure is <paramref name="permanent"/>: then it is
    /// dead-lettered (counted and audited). Returns true when it was dead-lettered.
    /// </summary>
    public bool RecordForwardFailure(long id, string error, DateTimeOffset retryAt, int maxAttempts, bool permanent)
    {
        return Write(Durability.Synced, () =>
        {
            if (Forwarding.FindById(id) is not { State: ForwardState.Pending } item)
            {
                return false;
            }

            item.Attempts++;
            if (permanent || item.Attempts >= maxAttempts)
            {
                FinishForwardCore(item, ForwardState.DeadLetter, error);
                AddCounterCore(StoreCounterNames.ForwardDeadLetters, 1);
                AppendAuditCore("forward.dead_letter", $"item {id} ({item.Kind}) to {item.Destination} after {item.Attempts} attempts: {error}");
                return true;
            }

            item.LastError = error;
            item.DueAt = Math.Max(1, retryAt.ToUnixTimeMilliseconds());
            Forwarding.Update(item);
            return false;
        });
    }

    /// <summary>
    /// The destination could not be reached (refused connection, association rejected): the items keep their attempts
    /// and wait until <paramref name="retryAt"/>, so an outage costs nothing but time.
    /// </summary>
    public void DeferForwarding(IReadOnlyCollection<long> ids, string error, DateTimeOffset retryAt)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Write(Durability.Written, () =>
        {
            foreach (long id in ids)
            {
                if (Forwarding.FindById(id) is { State: ForwardState.Pending } item)
                {
                    item.LastError = error;
                    item.DueAt = Math.Max(1, retryAt.ToUnixTimeMilliseconds());
                    Forwarding.Update(item);
                }
            }
        });
    }

    /// <summary>Queues the dead letters of <paramref name="destinations"/> again, due now, attempts reset; returns how many.</summary>
    public int RequeueDeadLetters(IReadOnlyCollection<string> destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        return Write(Durability.Synced, () =>
        {
            long due = Now.ToUnixTimeMilliseconds();
            int count = 0;
            foreach (ForwardItem item in Forwarding.Find(x => x.State == ForwardState.DeadLetter).Where(i => destinations.Contains(i.Destination)).ToList())
            {
                item.State = ForwardState.Pending;
                item.DueAt = due;
                item.Attempts = 0;
                item.FinishedAt = null;
                Forwarding.Update(item);
                count++;
            }

            if (count > 0)
            {
                AppendAuditCore("forward.retry", $"{count} dead letters queued again by the operator");
            }

            return count;
        });
    }

    /// <summary>Forwarding items for <paramref name="path"/>: how many exist and how many are still pending.</summary>
    public (int Items, int Pending) GetForwardingOf(string path)
    {
        int items = 0, pending = 0;
        foreach (ForwardItem item in Forwarding.Find(x => x.Path == path))
        {
            items++;
            if (item.State == ForwardState.Pending)
            {
                pending++;
            }
        }

        return (items, pending);
    }

    public ForwardItem? GetForwardItem(long id) => Forwarding.FindById(id);

    /// <summary>Every item (any destination, any state) for the file at <paramref name="path"/>.</summary>
    public IReadOnlyList<ForwardItem> GetForwardItemsOf(string path) => [.. Forwarding.Find(x => x.Path == path)];

    /// <summary>
    /// Dead-letters the pending items of destinations that are no longer configured (renamed or removed), so they do not
    /// wait forever or keep their files from retention. Returns how many.
    /// </summary>
    public int DeadLetterUnconfigured(IReadOnlyCollection<string> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return Write(Durability.Synced, () =>
        {
            int count = 0;
            foreach (ForwardItem item in Forwarding.Find(x => x.DueAt > 0).Where(i => !configured.Contains(i.Destination)).ToList())
            {
                FinishForwardCore(item, ForwardState.DeadLetter, $"destination '{item.Destination}' is no longer configured");
                count++;
            }

            if (count > 0)
            {
                AddCounterCore(StoreCounterNames.ForwardDeadLetters, count);
                AppendAuditCore("forward.dead_letter", $"{count} pending items of destinations no longer configured");
            }

            return count;
        });
    }

    /// <summary>Whether the instance has an item (in any state) for the destination.</summary>
    public bool HasForwardItem(string destination, string sopInstanceUid)
    {
        string key = ForwardItem.MakeKey(destination, sopInstanceUid);
        return Forwarding.Exists(x => x.Key == key);
    }

    /// <summary>Forwarding items newest first, optionally of one state.</summary>
    public IReadOnlyList<ForwardItem> ListForwarding(ForwardState? state, int limit)
    {
        ILiteQueryable<ForwardItem> query = Forwarding.Query();
        if (state is { } s)
        {
            query = query.Where(x => x.State == s);
        }

        return query.OrderByDescending(x => x.Id).Limit(limit).ToList();
    }

    /// <summary>Items of one destination in one state.</summary>
    public int CountForwarding(string destination, ForwardState state) =>
        Forwarding.Count(x => x.State == state && x.Destination == destination);

    public ForwardingStats GetForwardingStats()
    {
        ForwardItem? oldest = Forwarding.Query().Where(x => x.DueAt > 0).OrderBy(x => x.Id).FirstOrDefault();
        return new ForwardingStats(
            Pending: Forwarding.Count(x => x.State == ForwardState.Pending),
            Sent: Forwarding.Count(x => x.State == ForwardState.Sent),
            DeadLetters: Forwarding.Count(x => x.State == ForwardState.DeadLetter),
            OldestPendingAt: oldest?.CreatedAt);
    }

    /// <summary>Deletes finished items (sent or dead-lettered) older than <paramref name="before"/>; pending ones stay.</summary>
    public int PruneForwarding(DateTimeOffset before) =>
        Write(Durability.Written, () => Forwarding.DeleteMany(x => x.DueAt == 0 && x.FinishedAt < before));

    private void FinishForwardCore(ForwardItem item, ForwardState state, string? error)
    {
        item.State = state;
        item.DueAt = 0;
        item.FinishedAt = Now;
        if (error is not null)
        {
            item.LastError = error;
        }

        Forwarding.Update(item);
    }
}
