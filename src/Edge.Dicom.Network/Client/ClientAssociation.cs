using System.Buffers;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom.Network.Client;

/// <summary>
/// An established association where Edge is the SCU. Operations run one at a time (no asynchronous window is
/// proposed); each waits for its response. Dispose releases the association if it is still up, else aborts.
/// </summary>
public sealed class ClientAssociation : IAsyncDisposable
{
    private readonly UpperLayerConnection _connection;
    private readonly DicomClientOptions _options;
    private readonly ILogger _logger;
    private readonly DimseReceiver _receiver;
    private readonly int _fragmentLength;
    private ushort _nextMessageId = 1;
    private bool _messageInFlight;

    internal ClientAssociation(UpperLayerConnection connection, DicomClientOptions options, AssociateAcceptPdu accept,
        IReadOnlyDictionary<byte, PresentationContext> accepted, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _logger = logger;
        Accept = accept;
        AcceptedContexts = accepted;
        _receiver = new DimseReceiver(accepted, CommandSetCodec.MaxCommandLength);
        _fragmentLength = DimseSender.FragmentLength(accept.UserInformation.MaximumLength);
    }

    public AssociateAcceptPdu Accept { get; }

    public IReadOnlyDictionary<byte, PresentationContext> AcceptedContexts { get; }

    /// <summary>The largest PDV fragment Edge sends on this association (the peer's maximum PDU length, less 6 bytes).</summary>
    public int FragmentLength => _fragmentLength;

    public bool IsEstablished => _connection.State == StateMachine.AssociationState.Established;

    public async Task<ushort> EchoAsync(CancellationToken cancellationToken)
    {
        PresentationContext context = AcceptedContexts.Values.FirstOrDefault(c => c.AbstractSyntax == DicomUids.Verification)
            ?? throw new InvalidOperationException("The peer did not accept the Verification SOP class.");
        DimseCommand request = DimseCommand.EchoRequest(NextMessageId());
        _messageInFlight = true;
        await DimseSender.SendCommandAsync(_connection, context, request, _fragmentLength, cancellationToken).ConfigureAwait(false);
        DimseCommand response = await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Status ?? DimseStatus.CannotUnderstand;
    }

    /// <summary>
    /// Sends one instance: in its own transfer syntax when a context accepted it (streamed from disk byte for byte),
    /// else transcoded to an accepted uncompressed syntax, else not at all (with the reason).
    /// </summary>
    public async Task<StoreResult> StoreAsync(SendableInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        (PresentationContext? context, bool transcode) = ChooseContext(instance);
        if (context is null)
        {
            string why = instance.TransferSyntax.IsEncapsulated
                ? $"the peer accepted {instance.SopClassUid} only in syntaxes other than {instance.TransferSyntax.Uid}, and Edge does not transcode compressed pixel data"
                : $"the peer accepted no presentation context for SOP class {instance.SopClassUid}";
            return new StoreResult(instance.Path, instance.SopInstanceUid, StoreResultKind.NotSent, null, why, 0, null);
        }

        // Everything that can fail locally (reading, re-encoding, opening) happens before the command is sent: once it
        // is on the wire, the data set must follow or the association has to be aborted.
        ReadOnlyMemory<byte> encoded = default;
        SafeFileHandle? handle = null;
        long offset = instance.DataSetOffset ?? 0;
        long bytes = instance.FileLength - offset;
        try
        {
            if (transcode || instance.DataSetOffset is null || bytes % 2 != 0)
            {
                // The data layer reads any uncompressed syntax (big endian swapped on read) and writes the target one,
                // padding odd values; files whose data set cannot be streamed as is take this path too.
                var buffer = new ArrayBufferWriter<byte>();
                DicomWriter.WriteDataset(buffer, DicomFile.Open(instance.Path).Dataset, context.TransferSyntax);
                encoded = buffer.WrittenMemory;
                bytes = encoded.Length;
            }
            else
            {
                handle = File.OpenHandle(instance.Path);
            }
        }
        catch (Exception ex) when (ex is DicomFormatException or IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return new StoreResult(instance.Path, instance.SopInstanceUid, StoreResultKind.NotSent, null, ex.Message, 0, null);
        }

        using (handle)
        {
            DimseCommand request = DimseCommand.StoreRequest(NextMessageId(), instance.SopClassUid, instance.SopInstanceUid);
            _messageInFlight = true;
            await DimseSender.SendCommandAsync(_connection, context, request, _fragmentLength, cancellationToken).ConfigureAwait(false);
            if (handle is not null)
            {
                await DimseSender.SendDataSetAsync(_connection, context, handle, offset, bytes, _fragmentLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DimseSender.SendDataSetAsync(_connection, context, encoded, _fragmentLength, cancellationToken).ConfigureAwait(false);
            }

            return await CompleteStoreAsync(instance, context, request, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StoreResult> CompleteStoreAsync(SendableInstance instance, PresentationContext context, DimseCommand request, long bytes,
        CancellationToken cancellationToken)
    {
        DimseCommand response = await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false);
        ushort status = response.Status ?? DimseStatus.CannotUnderstand;
        StoreResultKind kind = DimseStatus.IsSuccess(status) ? StoreResultKind.Stored
            : DimseStatus.IsWarning(status) ? StoreResultKind.StoredWithWarning : StoreResultKind.Failed;
        return new StoreResult(instance.Path, instance.SopInstanceUid, kind, status, response.ErrorComment, bytes, context.TransferSyntax.Uid);
    }

    /// <summary>A-RELEASE, handling a release collision should the peer release at the same time (PS3.8 §9.2).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await _connection.RequestReleaseAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            UpperLayerIndication indication = await _connection.ReceiveAsync(_options.AcseTimeout, cancellationToken).ConfigureAwait(false);
            switch (indication.Kind)
            {
                case IndicationKind.Released:
                    return;
                case IndicationKind.Data:
                    continue;
                case IndicationKind.ReleaseCollision:
                case IndicationKind.ReleaseCollisionConfirmed:
                    if (await _connection.RespondReleaseAsync(cancellationToken).ConfigureAwait(false) is { IsTerminal: true } end)
                    {
                        ThrowIfNotReleased(end);
                        return;
                    }

                    continue;
                default:
                    ThrowIfNotReleased(indication);
                    return;
            }
        }
    }

    public async ValueTask AbortAsync() =>
        await _connection.AbortAsync(new UpperLayerIndication(IndicationKind.LocalAbort, Detail: "aborted by the SCU"), linger: false, CancellationToken.None)
            .ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_messageInFlight)
        {
            // A request went out half-sent or unanswered: releasing would leave the peer mid-message.
            await AbortAsync().ConfigureAwait(false);
        }
        else if (IsEstablished)
        {
            try
            {
                using var cts = new CancellationTokenSource(_options.AcseTimeout);
                await ReleaseAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DicomAssociationException or IOException or OperationCanceledException or TimeoutException)
            {
                NetworkLog.ReleaseFailed(_logger, ex.Message);
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private (PresentationContext? Context, bool Transcode) ChooseContext(SendableInstance instance)
    {
        PresentationContext? exact = null;
        PresentationContext? explicitLe = null;
        PresentationContext? implicitLe = null;
        foreach (PresentationContext c in AcceptedContexts.Values.OrderBy(c => c.Id))
        {
            if (c.AbstractSyntax != instance.SopClassUid)
            {
                continue;
            }

            if (c.TransferSyntax == instance.TransferSyntax)
            {
                exact ??= c;
            }
            else if (c.TransferSyntax == DicomTransferSyntax.ExplicitVRLittleEndian)
            {
                explicitLe ??= c;
            }
            else if (c.TransferSyntax == DicomTransferSyntax.ImplicitVRLittleEndian)
            {
                implicitLe ??= c;
            }
        }

        if (exact is not null)
        {
            return (exact, false);
        }

        // Transcoding is only between uncompressed encodings (and out of deflate): pixel data stays bit-identical.
        return instance.TransferSyntax.IsEncapsulated ? (null, false) : (explicitLe ?? implicitLe, true);
    }

    private async Task<DimseCommand> ReceiveResponseAsync(DimseCommand request, CancellationToken cancellationToken)
    {
        DimseCommand? response = null;
        while (true)
        {
            TimeSpan timeout = _receiver.InMessage ? _options.SocketTimeout : _options.DimseTimeout;
            UpperLayerIndication indication = await _connection.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (indication.Kind != IndicationKind.Data)
            {
                if (indication.IsTerminal)
                {
                    throw Ended(indication, $"while waiting for the response to {request}");
                }

                // A peer releasing while a response is due breaks PS3.7 §9.1; abort rather than guess.
                await _connection.AbortAsync(new UpperLayerIndication(IndicationKind.ProtocolError, Detail: indication.Kind.ToString()),
                    linger: false, cancellationToken).ConfigureAwait(false);
                throw new DicomAssociationException(AssociationEndReason.ProtocolError, $"The peer sent {indication.Kind} while {request} awaited its response.");
            }

            try
            {
                foreach (PresentationDataValue pdv in ((DataTransferPdu)indication.Pdu!).Values)
                {
                    DimseReceiveResult result = _receiver.Process(pdv);
                    if (result.Kind == DimseReceiveKind.Command)
                    {
                        if (result.Command!.HasDataSet)
                        {
                            _receiver.ExpectDataSet(result.Context!);
                        }

                        response = result.Command;
                    }
                }
            }
            catch (DicomProtocolException ex)
            {
                UpperLayerIndication end = await _connection.AbortForProtocolErrorAsync(ex, cancellationToken).ConfigureAwait(false);
                throw Ended(end, $"while waiting for the response to {request}");
            }

            if (response is not null && !_receiver.InMessage)
            {
                _messageInFlight = false;
                if (response.MessageIdBeingRespondedTo != request.MessageId
                    || response.CommandField != (DimseCommandField)((ushort)request.CommandField | 0x8000))
                {
                    await _connection.AbortAsync(new UpperLayerIndication(IndicationKind.ProtocolError, Detail: "mismatched response"),
                        linger: false, cancellationToken).ConfigureAwait(false);
                    throw new DicomAssociationException(AssociationEndReason.ProtocolError, $"Expected the response to {request}, got {response}.");
                }

                return response;
            }
        }
    }

    private ushort NextMessageId()
    {
        ushort id = _nextMessageId;
        _nextMessageId = (ushort)(id == ushort.MaxValue ? 1 : id + 1);
        return id;
    }

    private static void ThrowIfNotReleased(UpperLayerIndication indication)
    {
        if (indication.Kind != IndicationKind.Released)
        {
            throw Ended(indication, "during release");
        }
    }

    internal static DicomAssociationException Ended(UpperLayerIndication indication, string when)
    {
        AssociationEndReason reason = indication.Kind switch
        {
            IndicationKind.Rejected => AssociationEndReason.Rejected,
            IndicationKind.Aborted => AssociationEndReason.AbortedByPeer,
            IndicationKind.ProtocolError => AssociationEndReason.ProtocolError,
            IndicationKind.TimedOut => AssociationEndReason.TimedOut,
            IndicationKind.Released => AssociationEndReason.Released,
            _ => AssociationEndReason.ConnectionLost,
        };
        return new DicomAssociationException(reason, $"Association ended ({indication}) {when}.", indication.Pdu as AssociateRejectPdu);
    }
}
