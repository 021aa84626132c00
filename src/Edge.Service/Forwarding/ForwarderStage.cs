using System.Diagnostics;
using Edge.Dicom;
using Edge.Dicom.Network.Client;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Forwarding;

/// <summary>
/// Sends one destination's due items, a batch per association, oldest first. A stored instance is marked sent; one the
/// destination refuses is retried on capped exponential backoff and dead-lettered after <c>Forwarding:MaxAttempts</c>.
/// When the destination cannot be reached or rejects the association, the whole destination backs off (capped), the
/// items keep their attempts, and nothing spins: an outage only delays.
/// </summary>
public sealed class ForwarderStage : PipelineStage
{
    private static readonly string[] UncompressedFallbacks =
    [
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
    ];

    private readonly DestinationOptions _destination;
    private readonly ForwardingOptions _options;
    private readonly EdgeStore _store;
    private readonly ForwardingDoorbell _doorbell;
    private readonly DicomClient _client;
    private readonly DicomPeer _peer;
    private readonly TimeSpan _window;

    /// <summary>SOP classes this destination has stored from us since start: evidence for reading a permanent reject.</summary>
    private readonly HashSet<string> _acceptedClasses = new(StringComparer.Ordinal);
    private int _unreachable;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public ForwarderStage(DestinationOptions destination, EdgeStore store, ForwardingDoorbell doorbell, StageHealth health, EdgeSettings settings,
        ILoggerFactory loggers)
        : base("forward:" + destination.Name, health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), loggers.CreateLogger<ForwarderStage>())
    {
        _destination = destination;
        _options = settings.Forwarding;
        _store = store;
        _doorbell = doorbell;
        _window = TimeSpan.FromMilliseconds(_options.BatchWindowMilliseconds);
        _peer = new DicomPeer(destination.Host, destination.Port, destination.AeTitle);
        _client = new DicomClient(new DicomClientOptions
        {
            CallingAeTitle = destination.CallingAeTitle is { Length: > 0 } calling ? calling : settings.Dicom.AeTitle,
            ConnectTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),
            AcseTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds),
            DimseTimeout = TimeSpan.FromSeconds(_options.DimseTimeoutSeconds),
        }, loggers.CreateLogger<DicomClient>());
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        ForwardingLog.DestinationConfigured(Logger, _destination.ToString(), _destination.ReceivesOriginals, _destination.ReceivesResults);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan blocked = _blockedUntil - Time.GetUtcNow();
            if (blocked > TimeSpan.Zero)
            {
                // The destination is backing off: items queued meanwhile wait too, or each arrival would be a new try.
                Monitor.Idle();
                await Task.Delay(blocked < StageHealth.IdleBeatInterval ? blocked : StageHealth.IdleBeatInterval, Time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<ForwardItem> due = _store.PeekDueForwarding(_destination.Name, Time.GetUtcNow(), _options.BatchSize);
            if (due.Count == 0)
            {
                await WaitAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }

            TimeSpan gathering = DateTimeOffset.FromUnixTimeMilliseconds(due[0].DueAt) + _window - Time.GetUtcNow();
            if (due.Count < _options.BatchSize && gathering > TimeSpan.Zero)
            {
                // A series arrives instance by instance: wait a moment so they share one association.
                Monitor.Idle();
                await Task.Delay(gathering, Time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            Monitor.Busy($"sending {due.Count} instances to {_destination.Name}",
                TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds + (due.Count * (double)_options.DimseTimeoutSeconds)));
            await SendAsync(due, stoppingToken).ConfigureAwait(false);
            Monitor.Done();
        }
    }

    /// <summary>Until the next item falls due or new items are queued; beats meanwhile.</summary>
    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        TimeSpan wait = StageHealth.IdleBeatInterval;
        if (_store.NextForwardingDue(_destination.Name) is { } next)
        {
            TimeSpan untilDue = next - Time.GetUtcNow();
            wait = untilDue < wait ? (untilDue > TimeSpan.Zero ? untilDue : TimeSpan.FromMilliseconds(10)) : wait;
        }

        Monitor.Idle();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timer.CancelAfter(wait);
        try
        {
            await _doorbell.Reader(_destination.Name).ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Due time reached, or a beat.
        }
    }

    private async Task SendAsync(IReadOnlyList<ForwardItem> due, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<(ForwardItem Item, SendableInstance Instance)>(due.Count);
        foreach (ForwardItem item in due)
        {
            if (!File.Exists(item.Path))
            {
                Refused(item, "the file is gone", permanent: true);
            }
            else if (!SendableInstance.TryOpen(item.Path, out SendableInstance? instance, out string? error))
            {
                Refused(item, error ?? "not readable", permanent: false);
            }
            else
            {
                batch.Add((item, instance!));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        List<ProposedContext> contexts = Contexts(batch.Select(b => b.Instance));
        var sent = new List<long>(batch.Count);
        int next = 0;
        try
        {
            await using ClientAssociation association = await _client.AssociateAsync(_peer, contexts, stoppingToken).ConfigureAwait(false);
            for (; next < batch.Count; next++)
            {
                StoreResult result = await association.StoreAsync(batch[next].Instance, stoppingToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    sent.Add(batch[next].Item.Id);
                    _acceptedClasses.Add(batch[next].Instance.SopClassUid);
                }
                else
                {
                    // Failed: the destination answered a failure status. NotSent here is about this instance alone (no
                    // accepted context for its SOP class, or it could not be read); the association is still up.
                    Refused(batch[next].Item, Describe(result), permanent: false);
                }
            }

            // Marked before the release: the destination has answered Success for each, whatever the release does.
            _store.MarkForwarded(sent);
            await association.ReleaseAsync(stoppingToken).ConfigureAwait(false);
            _unreachable = 0;
        }
        catch (DicomAssociationException ex) when (next == 0 && RefusesClasses(ex, batch))
        {
            // The destination answered, but will not take these SOP classes: a refusal of these instances (counted,
            // dead-lettered in the end), not an outage; the destination stays open for everything else.
            foreach ((ForwardItem item, _) in batch)
            {
                Refused(item, ex.Message, permanent: false);
            }

            _unreachable = 0;
            return;
        }
        catch (Exception ex) when (ex is DicomAssociationException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            _store.MarkForwarded(sent);
            if (sent.Count > 0)
            {
                _unreachable = 0;
            }

            // The instance in flight has no answer: it is sent again (the destination keeps one copy per SOP Instance UID).
            long[] waiting = [.. batch.Skip(next).Select(b => b.Item.Id)];
            if (waiting.Length == 0)
            {
                return;
            }

            TimeSpan delay = ForwardingBackoff.Delay(++_unreachable, _options);
            _blockedUntil = Time.GetUtcNow() + delay;
            _store.DeferForwarding(waiting, ex.Message, _blockedUntil);
            ForwardingLog.DestinationUnreachable(Logger, _destination.Name, ex.Message, waiting.Length, delay.TotalSeconds);
            return;
        }

        ForwardingLog.BatchSent(Logger, sent.Count, batch.Count, _destination.Name, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Whether an association that ended before any C-STORE says "not these SOP classes" rather than "not now": the
    /// destination accepted none of the proposed contexts, or it rejected the association permanently although it has
    /// stored other SOP classes from this Edge, and none of the batch's classes ever (many PACS reject an association
    /// outright when none of its classes is configured). A permanent reject with no such evidence (a wrong AE title, an
    /// allow-list) delays everything instead, so a misconfigured PACS dead-letters nothing.
    /// </summary>
    private bool RefusesClasses(DicomAssociationException ex, List<(ForwardItem Item, SendableInstance Instance)> batch) =>
        (ex.Reason == Dicom.Network.Server.AssociationEndReason.Rejected && ex.Reject is null)
        || (ex.Reject?.Result == Dicom.Network.Pdus.AssociateRejectResult.Permanent && _acceptedClasses.Count > 0
            && batch.TrueForAll(b => !_acceptedClasses.Contains(b.Instance.SopClassUid)));

    private void Refused(ForwardItem item, string error, bool permanent)
    {
        TimeSpan delay = ForwardingBackoff.Delay(item.Attempts + 1, _options);
        ForwardingLog.InstanceRefused(Logger, _destination.Name, item.SopInstanceUid, error, item.Attempts + 1);
        if (_store.RecordForwardFailure(item.Id, error, Time.GetUtcNow() + delay, _options.MaxAttempts, permanent))
        {
            ForwardingLog.DeadLettered(Logger, item.Id, _destination.Name, error);
        }
    }

    private static string Describe(StoreResult result) => result.Kind == StoreResultKind.Failed
        ? $"status {Dicom.Network.Dimse.DimseStatus.Describe(result.Status ?? 0)} {result.Detail}".TrimEnd()
        : $"not sent: {result.Detail}";

    /// <summary>
    /// Per SOP class: a context for each transfer syntax its files have (alone, so the acceptor cannot choose another),
    /// then one with the uncompressed little endian syntaxes not proposed yet, to transcode into if a syntax is refused.
    /// A batch of at most <see cref="ForwardingOptions.BatchSize"/> instances of a few classes stays far below the 128
    /// contexts an association allows; the cap guards the rest.
    /// </summary>
    private static List<ProposedContext> Contexts(IEnumerable<SendableInstance> instances)
    {
        var contexts = new List<ProposedContext>();
        foreach (IGrouping<string, SendableInstance> sopClass in instances.GroupBy(i => i.SopClassUid, StringComparer.Ordinal))
        {
            var own = sopClass.Select(i => i.TransferSyntax.Uid).Distinct(StringComparer.Ordinal).ToList();
            contexts.AddRange(own.Select(ts => new ProposedContext(sopClass.Key, [ts])));
            string[] fallback = [.. UncompressedFallbacks.Except(own, StringComparer.Ordinal)];
            if (fallback.Length > 0)
            {
                contexts.Add(new ProposedContext(sopClass.Key, fallback));
            }
        }

        return contexts.Count > DicomClient.MaxContextsPerAssociation ? contexts[..DicomClient.MaxContextsPerAssociation] : contexts;
    }
}
