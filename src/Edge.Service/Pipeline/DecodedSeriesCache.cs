using Edge.Imaging.Assembly;
using Edge.Service.Configuration;

namespace Edge.Service.Pipeline;

/// <summary>
/// Received files decoded to HU while their series is still arriving (<see cref="PredecodeStage"/>), waiting for the
/// series' assembly. Only an optimisation: the persistent job queue and the received files stay the truth, so a file
/// the cache lacks, or one changed on disk since it was decoded, is simply read from disk again, and nothing survives a
/// restart. Memory is bounded by <see cref="PipelineOptions.PredecodeMemoryMiB"/>: past it, files are not decoded ahead.
/// </summary>
public sealed class DecodedSeriesCache(EdgeSettings settings, TimeProvider time)
{
    /// <summary>
    /// A series untouched this long is dropped when the budget runs short: its assembly would have taken it long ago
    /// (completion waits at most Completion:MaxOpenAssociationWait, 10 minutes by default), so it is orphaned.
    /// </summary>
    private static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(30);

    /// <summary>Longest an assembly waits for a speculative one under way: a 300-slice series takes well under a second.</summary>
    private static readonly TimeSpan PrepareWait = TimeSpan.FromSeconds(2);

    private readonly long _budget = (long)settings.Pipeline.PredecodeMemoryMiB << 20;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CachedSeries> _series = new(StringComparer.Ordinal);

    // When each series was last assembled: an instance received before that was read from disk by that assembly, and
    // caching it late (pre-decoding lagging behind a fast completion) would only hold memory nobody takes.
    private readonly Dictionary<string, DateTimeOffset> _assembledAt = new(StringComparer.Ordinal);
    private long _bytes;

    public bool Enabled => _budget > 0;

    /// <summary>Memory the decoded frames hold (or are reserved for) now.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Reserves <paramref name="bytes"/> of the budget for a file about to be decoded; false when it would exceed it.</summary>
    public bool TryReserve(long bytes)
    {
        lock (_lock)
        {
            if (_bytes + bytes > _budget)
            {
                DropOrphans();
            }

            if (_bytes + bytes > _budget)
            {
                return false;
            }

            _bytes += bytes;
            return true;
        }
    }

    /// <summary>Returns a reservation that was not used (the decode failed).</summary>
    public void Unreserve(long bytes)
    {
        lock (_lock)
        {
            _bytes -= bytes;
        }
    }

    /// <summary>
    /// Keeps a decoded file of <paramref name="seriesInstanceUid"/> (its bytes reserved before decoding), as it was on
    /// disk (<paramref name="file"/>); a file decoded before is replaced. An instance received before the series' last
    /// assembly is dropped instead (and its reservation returned): returns whether the file was kept.
    /// </summary>
    public bool Add(string seriesInstanceUid, DecodedInstance decoded, FileInfo file, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(file);
        var entry = new CachedFile(decoded, file.Length, file.LastWriteTimeUtc);
        lock (_lock)
        {
            if (_assembledAt.TryGetValue(seriesInstanceUid, out DateTimeOffset assembled) && receivedAt <= assembled)
            {
                _bytes -= decoded.Bytes;
                return false;
            }

            if (!_series.TryGetValue(seriesInstanceUid, out CachedSeries? series))
            {
                series = new CachedSeries();
                _series.Add(seriesInstanceUid, series);
            }

            series.Touched = time.GetUtcNow();
            if (series.Files.Remove(decoded.Path, out CachedFile? replaced))
            {
                _bytes -= replaced.Decoded.Bytes;
            }

            series.Files.Add(decoded.Path, entry);
            series.Version++;
            return true;
        }
    }

    /// <summary>
    /// The frames of a cached file of the series, if the file on disk is still the one decoded (same length and write
    /// time; a re-sent instance replaces the file); null otherwise, and the caller reads the file.
    /// </summary>
    public IReadOnlyList<FrameHeader>? Lookup(string seriesInstanceUid, string path)
    {
        CachedFile? cached;
        lock (_lock)
        {
            if (!_series.TryGetValue(seriesInstanceUid, out CachedSeries? series) || !series.Files.TryGetValue(path, out cached))
            {
                return null;
            }
        }

        var file = new FileInfo(path);
        return file.Exists && file.Length == cached.Length && file.LastWriteTimeUtc == cached.LastWriteUtc ? cached.Decoded.Frames : null;
    }

    /// <summary>Files of the series held now.</summary>
    public int CountOf(string seriesInstanceUid)
    {
        lock (_lock)
        {
            return _series.TryGetValue(seriesInstanceUid, out CachedSeries? s) ? s.Files.Count : 0;
        }
    }

    /// <summary>
    /// Starts a speculative assembly of the series (<see cref="PreparedVolume"/>): returns its cached files' frames, in
    /// path order, and the series' version, or null when it is not cached or one is already under way. The volume is
    /// made of the decoded frames themselves (<see cref="VolumeAssemblyOptions.ShareDecodedFrames"/>), so it takes no
    /// memory beyond what the budget already counts. Finish with <see cref="CompletePrepare"/>.
    /// </summary>
    public (IReadOnlyList<FrameHeader> Frames, IReadOnlySet<string> Paths, int Version)? BeginPrepare(string seriesInstanceUid)
    {
        lock (_lock)
        {
            if (!_series.TryGetValue(seriesInstanceUid, out CachedSeries? series) || series.Prepared is not null || series.Files.Count == 0)
            {
                return null;
            }

            series.Prepared = new TaskCompletionSource<PreparedVolume?>(TaskCreationOptions.RunContinuationsAsynchronously);
            List<KeyValuePair<string, CachedFile>> files = [.. series.Files.OrderBy(f => f.Key, StringComparer.Ordinal)];
            return ([.. files.SelectMany(f => f.Value.Decoded.Frames)], files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal), series.Version);
        }
    }

    /// <summary>Hands the speculative volume (null when it could not be built) to an assembly waiting for it, or keeps it for the next.</summary>
    public void CompletePrepare(string seriesInstanceUid, PreparedVolume? volume)
    {
        TaskCompletionSource<PreparedVolume?>? pending;
        lock (_lock)
        {
            pending = _series.TryGetValue(seriesInstanceUid, out CachedSeries? series) ? series.Prepared : null;
        }

        pending?.TrySetResult(volume);
    }

    /// <summary>
    /// The speculative volume of the series, handed over once, with whether it is still current (no file was added or
    /// replaced since it was built; a stale one's voxel buffer may still serve). One under way is waited for (at most
    /// <see cref="PrepareWait"/>): assembling a second copy meanwhile would only compete with it.
    /// </summary>
    public (PreparedVolume? Volume, bool Current) TakePrepared(string seriesInstanceUid)
    {
        TaskCompletionSource<PreparedVolume?>? pending;
        lock (_lock)
        {
            if (!_series.TryGetValue(seriesInstanceUid, out CachedSeries? series) || series.Prepared is null)
            {
                return (null, false);
            }

            pending = series.Prepared;
        }

        // Completion still finds the preparation while it is waited for; it is handed over (or dropped) once.
        PreparedVolume? volume = pending.Task.Wait(PrepareWait) ? pending.Task.Result : null;
        lock (_lock)
        {
            bool exists = _series.TryGetValue(seriesInstanceUid, out CachedSeries? series);
            if (exists && series!.Prepared == pending)
            {
                series.Prepared = null;
            }

            return (volume, volume is not null && exists && series!.Version == volume.Version);
        }
    }

    /// <summary>Drops the series after its assembly, whatever the outcome, and returns its memory to the budget.</summary>
    public void Evict(string seriesInstanceUid)
    {
        DateTimeOffset now = time.GetUtcNow();
        lock (_lock)
        {
            Drop(seriesInstanceUid);

            // A loop, not LINQ over the DateTimeOffset values: that generic code is compiled at its first call, which
            // is the first series' assembly (7 ms of its latency).
            List<string>? expired = null;
            foreach ((string uid, DateTimeOffset at) in _assembledAt)
            {
                if (at < now - Orphaned)
                {
                    (expired ??= []).Add(uid);
                }
            }

            foreach (string old in expired ?? [])
            {
                _assembledAt.Remove(old);
            }

            _assembledAt[seriesInstanceUid] = now;
        }
    }

    private void Drop(string seriesInstanceUid)
    {
        if (_series.Remove(seriesInstanceUid, out CachedSeries? series))
        {
            series.Prepared?.TrySetResult(null);
            _bytes -= series.Files.Values.Sum(f => f.Decoded.Bytes);
        }
    }

    private void DropOrphans()
    {
        DateTimeOffset before = time.GetUtcNow() - Orphaned;
        foreach (string uid in _series.Where(s => s.Value.Touched < before).Select(s => s.Key).ToList())
        {
            Drop(uid);
        }
    }

    private sealed record CachedFile(DecodedInstance Decoded, long Length, DateTime LastWriteUtc);

    private sealed class CachedSeries
    {
        public Dictionary<string, CachedFile> Files { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Touched { get; set; }

        /// <summary>A speculative volume being assembled, or assembled; null when none.</summary>
        public TaskCompletionSource<PreparedVolume?>? Prepared { get; set; }

        /// <summary>Counts changes to <see cref="Files"/>: a speculative volume of an older version is stale.</summary>
        public int Version { get; set; }
    }
}
