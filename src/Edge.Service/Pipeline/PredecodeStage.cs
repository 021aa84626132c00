using System.Threading.Channels;
using Edge.Dicom.Network.Storage;
using Edge.Imaging.Assembly;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// Takes volume assembly off the critical path: every instance the SCP stores is read and decoded to HU here, while
/// the rest of its series is still arriving, into the <see cref="DecodedSeriesCache"/>; at completion the assembly
/// stage then only plans and copies. The SCP's hook only offers the instance to a bounded channel and never waits:
/// when the channel is full or the memory budget is spent, the instance is left to today's file-based assembly.
/// When an association is released, the stage also assembles each series it carried from the cache at once
/// (<see cref="PreparedVolume"/>), while the completion commits and the job is leased, so assembly only waits for what
/// is left of it and checks that nothing changed since.
/// </summary>
public sealed class PredecodeStage(
    DecodedSeriesCache cache,
    StageHealth health,
    EdgeSettings settings,
    ILogger<PredecodeStage> logger)
    : PipelineStage("predecode", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger), IInstanceListener
{
    /// <summary>
    /// Instances waiting to be decoded. 4 096 is more than the longest series (a thin-slice whole body is ~2 000 images)
    /// and costs a few hundred bytes each; decoding one takes milliseconds, so the channel is nearly always empty.
    /// </summary>
    public const int Capacity = 4096;

    /// <summary>
    /// Associations (and series) the stage remembers: a scanner opens 1-4 associations at a time, so more means close
    /// events were dropped; forgetting them only forgoes the early assembly.
    /// </summary>
    private const int MaxTracked = 256;

    private readonly Channel<Work> _incoming = Channel.CreateBounded<Work>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    // Only the stage's loop touches these: the series each open association carried, and series with an instance that
    // could not be cached (speculative assembly would be incomplete).
    private readonly Dictionary<long, HashSet<string>> _seriesByAssociation = [];
    private readonly HashSet<string> _uncached = new(StringComparer.Ordinal);

    public void InstanceStored(StoredInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (cache.Enabled)
        {
            _incoming.Writer.TryWrite(new Work(instance, instance.AssociationId, Released: false));
        }
    }

    /// <summary>From the SCP's close event: after a normal release, the series the association carried are about to complete.</summary>
    public void AssociationClosed(long associationId, bool released)
    {
        if (cache.Enabled)
        {
            _incoming.Writer.TryWrite(new Work(null, associationId, released));
        }
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await WaitToReadAsync(_incoming.Reader, stoppingToken).ConfigureAwait(false))
        {
            while (_incoming.Reader.TryRead(out Work work))
            {
                if (work.Instance is { } instance)
                {
                    Monitor.Busy("decoding a received instance", TimeSpan.FromSeconds(settings.Pipeline.StallSeconds));
                    if (!Decode(instance) && _uncached.Count < MaxTracked)
                    {
                        _uncached.Add(instance.SeriesInstanceUid);
                    }

                    Remember(work.AssociationId, instance.SeriesInstanceUid);
                }
                else if (_seriesByAssociation.Remove(work.AssociationId, out HashSet<string>? carried) && work.Released)
                {
                    Monitor.Busy("assembling released series ahead", TimeSpan.FromSeconds(settings.Pipeline.AssemblyStallSeconds));
                    foreach (string series in carried)
                    {
                        Prepare(series);
                    }
                }

                Monitor.Done();
            }
        }
    }

    private void Remember(long associationId, string series)
    {
        if (!_seriesByAssociation.TryGetValue(associationId, out HashSet<string>? carried))
        {
            if (_seriesByAssociation.Count >= MaxTracked)
            {
                _seriesByAssociation.Clear();
            }

            carried = new HashSet<string>(StringComparer.Ordinal);
            _seriesByAssociation.Add(associationId, carried);
        }

        carried.Add(series);
    }

    /// <summary>
    /// Assembles the series from its cached files now, alongside the completion; assembly takes the result
    /// if the series' files are still exactly those. A series with an instance that was not cached is left to assembly.
    /// </summary>
    private void Prepare(string series)
    {
        if (_uncached.Remove(series) || cache.BeginPrepare(series) is not { } snapshot)
        {
            return;
        }

        PreparedVolume? prepared = null;
        try
        {
            prepared = new PreparedVolume(VolumeAssembler.Assemble(snapshot.Frames), snapshot.Paths, snapshot.Version);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Assembly meets the same problem with the files themselves and reports it.
            PipelineLog.PredecodeFailed(Logger, ex.GetType().Name);
        }
        finally
        {
            cache.CompletePrepare(series, prepared);
        }
    }

    /// <summary>Decodes the instance into the cache; false when it was not cached.</summary>
    private bool Decode(StoredInstance instance)
    {
        long reserved = 0;
        try
        {
            // The file's identity before reading it: if it is replaced meanwhile, assembly sees a newer file and reads it.
            var file = new FileInfo(instance.Path);
            IReadOnlyList<FrameHeader> frames = DecodedInstance.ReadHeaders(instance.Path);
            long bytes = DecodedInstance.BytesFor(frames);
            if (frames.Count == 0 || frames[0].SeriesInstanceUid != instance.SeriesInstanceUid || !cache.TryReserve(bytes))
            {
                PipelineLog.PredecodeSkipped(Logger, cache.Bytes / 1048576.0);
                return false;
            }

            reserved = bytes;
            DecodedInstance decoded = DecodedInstance.Decode(frames);
            reserved = 0;
            return cache.Add(instance.SeriesInstanceUid, decoded, file, instance.ReceivedAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever is wrong with the file is not this stage's to report, and must not fault it: assembly reads the
            // file itself and fails the series with the reason.
            PipelineLog.PredecodeFailed(Logger, ex.GetType().Name);
            return false;
        }
        finally
        {
            if (reserved > 0)
            {
                cache.Unreserve(reserved);
            }
        }
    }

    /// <summary>An instance to decode, or (without one) an association that closed.</summary>
    private readonly record struct Work(StoredInstance? Instance, long AssociationId, bool Released);
}
