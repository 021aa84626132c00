using System.Diagnostics;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Dicom.Network.Client;

/// <summary>
/// Edge's SCU: C-ECHO, and C-STORE of Part 10 files with per-instance results. Every call is async and cancellable,
/// so the CLI and the forwarding queue share it; retries are the caller's decision.
/// </summary>
public sealed class DicomClient
{
    /// <summary>Presentation context ids are odd, 1-255: at most 128 contexts per association (PS3.8 §9.3.2.2).</summary>
    public const int MaxContextsPerAssociation = 128;

    private static readonly string[] UncompressedFallbacks =
    [
        DicomTransferSyntax.ExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
    ];

    private readonly DicomClientOptions _options;
    private readonly ILogger _logger;
    private long _associationCount;

    public DicomClient(DicomClientOptions? options = null, ILogger<DicomClient>? logger = null)
    {
        _options = options ?? new DicomClientOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (!AeTitles.IsValid(_options.CallingAeTitle))
        {
            throw new ArgumentException($"Calling AE title '{_options.CallingAeTitle}' is not a valid AE title.", nameof(options));
        }
    }

    public async Task<EchoResult> EchoAsync(DicomPeer peer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using ClientAssociation association = await AssociateAsync(peer,
            [new ProposedContext(DicomUids.Verification, [DicomTransferSyntax.ImplicitVRLittleEndian.Uid])], cancellationToken).ConfigureAwait(false);
        ushort status = await association.EchoAsync(cancellationToken).ConfigureAwait(false);
        var result = new EchoResult(status, clock.Elapsed, association.Accept.UserInformation.ImplementationClassUid,
            association.Accept.UserInformation.ImplementationVersionName);
        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Opens an association proposing <paramref name="contexts"/> (ids 1, 3, 5, ... in order).</summary>
    /// <exception cref="DicomAssociationException">Rejected, aborted, timed out, or no context accepted.</exception>
    public async Task<ClientAssociation> AssociateAsync(DicomPeer peer, IReadOnlyList<ProposedContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (contexts.Count is 0 or > MaxContextsPerAssociation)
        {
            throw new ArgumentException($"Between 1 and {MaxContextsPerAssociation} presentation contexts can be proposed.", nameof(contexts));
        }

        var items = new List<PresentationContextItem>(contexts.Count);
        for (int i = 0; i < contexts.Count; i++)
        {
            items.Add(new PresentationContextItem((byte)((2 * i) + 1), contexts[i].AbstractSyntax, contexts[i].TransferSyntaxes));
        }

        var request = new AssociateRequestPdu
        {
            CalledAeTitle = peer.CalledAeTitle,
            CallingAeTitle = _options.CallingAeTitle,
            PresentationContexts = items,
            UserInformation = new UserInformation
            {
                MaximumLength = (uint)_options.MaxPduLength,
                ImplementationClassUid = DicomUpperLayer.ImplementationClassUid,
                ImplementationVersionName = DicomUpperLayer.ImplementationVersionName,
            },
        };

        DicomConnection transport;
        try
        {
            transport = await DicomConnection.ConnectAsync(peer.Host, peer.Port, _options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new DicomAssociationException(AssociationEndReason.ConnectionLost, $"Cannot connect to {peer}: {ex.Message}");
        }

        var limits = new PduLimits { MaxDataPduLength = (uint)_options.MaxPduLength };
        var connection = new UpperLayerConnection(transport, isRequestor: true, new UpperLayerTimeouts(_options.ArtimTimeout, _options.SocketTimeout),
            limits, budget: null, _logger, $"scu-{Interlocked.Increment(ref _associationCount)}");
        try
        {
            await connection.SendAssociateRequestAsync(request, cancellationToken).ConfigureAwait(false);
            UpperLayerIndication answer = await connection.ReceiveAsync(_options.AcseTimeout, cancellationToken).ConfigureAwait(false);
            if (answer.Kind != IndicationKind.AssociateAccepted)
            {
                throw ClientAssociation.Ended(answer, $"while associating with {peer}");
            }

            var accept = (AssociateAcceptPdu)answer.Pdu!;
            var accepted = new Dictionary<byte, PresentationContext>();
            foreach (PresentationContextResultItem result in accept.PresentationContexts)
            {
                PresentationContextItem? proposed = items.Find(p => p.Id == result.Id);

                // Only a proposed context with one of its proposed syntaxes counts, whatever the peer claims.
                if (result.Result == PresentationContextResult.Acceptance && proposed is not null
                    && proposed.TransferSyntaxes.Contains(result.TransferSyntax, StringComparer.Ordinal))
                {
                    accepted[result.Id] = new PresentationContext(result.Id, proposed.AbstractSyntax, DicomTransferSyntax.Lookup(result.TransferSyntax));
                }
            }

            if (accepted.Count == 0)
            {
                await connection.AbortAsync(new UpperLayerIndication(IndicationKind.LocalAbort, Detail: "no context accepted"), linger: false, cancellationToken)
                    .ConfigureAwait(false);
                throw new DicomAssociationException(AssociationEndReason.Rejected, $"{peer} accepted none of the {items.Count} proposed presentation contexts.");
            }

            return new ClientAssociation(connection, _options, accept, accepted, _logger);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends every file, reporting each instance as it completes. Files are grouped so each association proposes at
    /// most 128 contexts: per SOP class, one context for each transfer syntax its files have, plus one with Explicit
    /// and Implicit VR LE (those not proposed yet) as the fallback.
    /// </summary>
    public async Task<IReadOnlyList<StoreResult>> SendAsync(DicomPeer peer, IEnumerable<string> paths, IProgress<StoreResult>? progress,
        CancellationToken cancellationToken)
    {
        var results = new List<StoreResult>();
        var instances = new List<SendableInstance>();
        foreach (string path in paths)
        {
            if (SendableInstance.TryOpen(path, out SendableInstance? instance, out string? error))
            {
                instances.Add(instance!);
            }
            else
            {
                Report(new StoreResult(path, null, StoreResultKind.NotSent, null, error, 0, null));
            }
        }

        foreach ((List<SendableInstance> batch, List<ProposedContext> contexts) in Batch(instances))
        {
            await SendBatchAsync(peer, batch, contexts, Report, cancellationToken).ConfigureAwait(false);
        }

        return results;

        void Report(StoreResult result)
        {
            results.Add(result);
            progress?.Report(result);
        }
    }

    private async Task SendBatchAsync(DicomPeer peer, List<SendableInstance> batch, List<ProposedContext> contexts, Action<StoreResult> report,
        CancellationToken cancellationToken)
    {
        int next = 0;
        try
        {
            await using ClientAssociation association = await AssociateAsync(peer, contexts, cancellationToken).ConfigureAwait(false);
            for (; next < batch.Count; next++)
            {
                report(await association.StoreAsync(batch[next], cancellationToken).ConfigureAwait(false));
            }

            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomAssociationException or IOException or TimeoutException or NotSupportedException)
        {
            // The instance in flight has no answer: it counts as not stored, like every one after it.
            for (; next < batch.Count; next++)
            {
                report(new StoreResult(batch[next].Path, batch[next].SopInstanceUid, StoreResultKind.NotSent, null, ex.Message, 0, null));
            }
        }
    }

    private static IEnumerable<(List<SendableInstance> Batch, List<ProposedContext> Contexts)> Batch(List<SendableInstance> instances)
    {
        var batch = new List<SendableInstance>();
        var contexts = new List<ProposedContext>();
        foreach (IGrouping<string, SendableInstance> sopClass in instances.GroupBy(i => i.SopClassUid, StringComparer.Ordinal))
        {
            // Each file syntax alone, so the acceptor cannot pick another one for it; then the little endian
            // syntaxes not proposed yet, to transcode into when a file's own syntax is refused.
            var own = sopClass.Select(i => i.TransferSyntax.Uid).Distinct(StringComparer.Ordinal).ToList();
            var classContexts = own.Select(ts => new ProposedContext(sopClass.Key, [ts])).ToList();
            string[] fallback = [.. UncompressedFallbacks.Except(own, StringComparer.Ordinal)];
            if (fallback.Length > 0)
            {
                classContexts.Add(new ProposedContext(sopClass.Key, fallback));
            }

            if (contexts.Count + classContexts.Count > MaxContextsPerAssociation && batch.Count > 0)
            {
                yield return (batch, contexts);
                batch = [];
                contexts = [];
            }

            batch.AddRange(sopClass);
            contexts.AddRange(classContexts.Take(MaxContextsPerAssociation));
        }

        if (batch.Count > 0)
        {
            yield return (batch, contexts);
        }
    }
}
