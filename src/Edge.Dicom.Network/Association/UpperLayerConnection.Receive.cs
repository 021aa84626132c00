using System.Buffers;
using System.IO.Pipelines;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.StateMachine;

namespace Edge.Dicom.Network.Association;

internal sealed partial class UpperLayerConnection
{
    /// <summary>
    /// Receives until there is something for the user. <paramref name="timeout"/> bounds the wait for one whole PDU; in
    /// Sta2 and Sta13 it is the ARTIM timer (expiry closes the transport, AA-2), elsewhere it is the caller's idle timer
    /// and expiry aborts the association. States where the association no longer exists (Sta13) are lingered through
    /// here, so every call ends in either a non-terminal indication or the terminal one with the connection closed.
    /// </summary>
    public async ValueTask<UpperLayerIndication> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ReleasePendingData();
        while (true)
        {
            if (State == AssociationState.Idle)
            {
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal ?? new UpperLayerIndication(IndicationKind.Closed);
            }

            bool artimRunning = State is AssociationState.AwaitingAssociateRequest or AssociationState.AwaitingTransportClose;
            TimeSpan wait = State == AssociationState.AwaitingTransportClose ? Timeouts.Artim : timeout;
            Received received;
            try
            {
                received = await ReadPduAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await AbortAsync(new UpperLayerIndication(IndicationKind.LocalAbort, Detail: "shutting down"), linger: false, CancellationToken.None)
                    .ConfigureAwait(false);
                throw;
            }

            if (received.TimedOut)
            {
                if (artimRunning)
                {
                    // Evt18 → AA-2: close the transport.
                    _terminal ??= new UpperLayerIndication(IndicationKind.TimedOut, Detail: $"no PDU within {wait.TotalSeconds:0.#} s");
                    Transition(AssociationEvent.ArtimExpired);
                    continue;
                }

                NetworkLog.IdleTimeout(_logger, Id, State, wait.TotalSeconds);
                await AbortAsync(new UpperLayerIndication(IndicationKind.TimedOut, Detail: $"no PDU within {wait.TotalSeconds:0.#} s"),
                    linger: false, cancellationToken).ConfigureAwait(false);
                continue;
            }

            UpperLayerIndication? indication = await HandleAsync(received, cancellationToken).ConfigureAwait(false);
            if (indication is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>
    /// Evt19 raised from above: the PDU parsed, but its content breaks DIMSE framing (unknown context, interleaving,
    /// a bad command). AA-8 sends a provider A-ABORT with the matching reason; the call returns once the connection closed.
    /// </summary>
    public async ValueTask<UpperLayerIndication> AbortForProtocolErrorAsync(DicomProtocolException error, CancellationToken cancellationToken)
    {
        ReleasePendingData();
        UpperLayerIndication? end = await HandleAsync(Received.Invalid(error), cancellationToken).ConfigureAwait(false);
        return end ?? await ReceiveAsync(Timeouts.Artim, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<UpperLayerIndication?> HandleAsync(Received received, CancellationToken cancellationToken)
    {
        AssociationEvent evt = received.Event;
        bool acceptable = true;
        if (evt == AssociationEvent.AssociateRequestReceived)
        {
            // AE-6's "acceptable to the service provider": protocol version 1 is bit 0 (PS3.8 §9.3.2).
            acceptable = (((AssociateRequestPdu)received.Pdu!).ProtocolVersion & 1) != 0;
        }

        AssociationAction action = StateTransitionTable.Lookup(State, evt);
        if (action == AssociationAction.None)
        {
            // A PDU event has a cell in every state where reading happens; reaching this is a local bug.
            throw new InvalidOperationException($"No transition for {evt} in {State}.");
        }

        Transition(evt, acceptable);
        switch (action)
        {
            case AssociationAction.AE3:
                return new UpperLayerIndication(IndicationKind.AssociateAccepted, received.Pdu);
            case AssociationAction.AE4:
                _terminal ??= new UpperLayerIndication(IndicationKind.Rejected, received.Pdu, received.Pdu!.ToString());
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal;
            case AssociationAction.AE6 when acceptable:
                return new UpperLayerIndication(IndicationKind.AssociateRequest, received.Pdu);
            case AssociationAction.AE6:
                AssociateRejectPdu rj = AssociateRejectPdu.Permanent(AssociateRejectReason.ProtocolVersionNotSupported);
                _terminal ??= new UpperLayerIndication(IndicationKind.Rejected, rj, rj.ToString());
                await WritePduAsync(rj, cancellationToken).ConfigureAwait(false);
                return null;
            case AssociationAction.DT2:
            case AssociationAction.AR6:
                return new UpperLayerIndication(IndicationKind.Data, received.Pdu);
            case AssociationAction.AR2:
                return new UpperLayerIndication(IndicationKind.ReleaseRequested);
            case AssociationAction.AR8:
                return new UpperLayerIndication(IndicationKind.ReleaseCollision);
            case AssociationAction.AR3:
                _terminal ??= new UpperLayerIndication(IndicationKind.Released);
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal;
            case AssociationAction.AR10:
                return new UpperLayerIndication(IndicationKind.ReleaseCollisionConfirmed);
            case AssociationAction.AR5:
            case AssociationAction.AA2:
            case AssociationAction.AA5:
                _terminal ??= evt == AssociationEvent.AbortReceived
                    ? new UpperLayerIndication(IndicationKind.Aborted, received.Pdu, received.Pdu!.ToString())
                    : new UpperLayerIndication(IndicationKind.Closed);
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal;
            case AssociationAction.AA3:
                _terminal ??= new UpperLayerIndication(IndicationKind.Aborted, received.Pdu, received.Pdu!.ToString());
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal;
            case AssociationAction.AA4:
                _terminal ??= new UpperLayerIndication(IndicationKind.ConnectionLost, Detail: "the peer closed the connection");
                await CloseTransportAsync().ConfigureAwait(false);
                return _terminal;
            case AssociationAction.AA6:
                return null;
            case AssociationAction.AA1:
            case AssociationAction.AA7:
            case AssociationAction.AA8:
                _terminal ??= new UpperLayerIndication(IndicationKind.ProtocolError, Detail: received.Describe());
                NetworkLog.ProtocolViolation(_logger, Id, received.Describe());
                await TryWriteAbortAsync(action == AssociationAction.AA8 ? AbortPdu.Provider(received.AbortReason) : AbortPdu.ServiceUser)
                    .ConfigureAwait(false);
                return null;
            default:
                throw new InvalidOperationException($"Action {action} cannot follow a received PDU.");
        }
    }

    /// <summary>
    /// Reads one whole PDU. The header is checked first; its body is awaited only after the shared memory budget granted
    /// its bytes. P-DATA stays in the pipe until the user has consumed it (released by the next call).
    /// </summary>
    private async ValueTask<Received> ReadPduAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ReleasePendingData();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        long lease = 0;
        try
        {
            while (true)
            {
                ReadResult result;
                try
                {
                    result = await _input.ReadAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return Received.Timeout;
                }
                catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
                {
                    return Received.Closed;
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                Pdu? pdu;
                SequencePosition consumed;
                try
                {
                    if (lease == 0 && _budget is not null && PduReader.TryReadHeader(buffer, _limits, out _, out uint length))
                    {
                        // Budget before buffering: the pipe is left unexamined so the next read returns at once.
                        _input.AdvanceTo(buffer.Start);
                        long need = PduReader.HeaderLength + (long)length;
                        try
                        {
                            await _budget.AcquireAsync(need, cts.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                        {
                            return Received.Timeout;
                        }

                        lease = need;
                        continue;
                    }

                    var reader = new SequenceReader<byte>(buffer);
                    if (!PduReader.TryParse(ref reader, _limits, out pdu))
                    {
                        if (result.IsCompleted)
                        {
                            _input.AdvanceTo(buffer.End);
                            return buffer.IsEmpty ? Received.Closed : Received.Invalid(
                                new DicomProtocolException(ProtocolError.InvalidPduLength, $"The connection closed inside a PDU ({buffer.Length} bytes pending)."));
                        }

                        _input.AdvanceTo(buffer.Start, buffer.End);
                        continue;
                    }

                    consumed = reader.Position;
                }
                catch (DicomProtocolException ex)
                {
                    _input.AdvanceTo(buffer.End);
                    return Received.Invalid(ex);
                }

                if (pdu is DataTransferPdu)
                {
                    _pendingConsumed = consumed;
                    _pendingLease = lease;
                    lease = 0;
                }
                else
                {
                    _input.AdvanceTo(consumed);
                }

                return new Received(EventOf(pdu), pdu, null);
            }
        }
        finally
        {
            if (lease != 0)
            {
                _budget!.Release(lease);
            }
        }
    }

    /// <summary>Hands the buffer of the last P-DATA indication back to the pipe and its bytes back to the budget.</summary>
    private void ReleasePendingData()
    {
        if (_pendingConsumed is { } consumed)
        {
            _pendingConsumed = null;
            if (!_closed)
            {
                _input.AdvanceTo(consumed);
            }
        }

        if (_pendingLease != 0)
        {
            _budget!.Release(_pendingLease);
            _pendingLease = 0;
        }
    }

    private static AssociationEvent EventOf(Pdu pdu) => pdu.Type switch
    {
        PduType.AssociateAccept => AssociationEvent.AssociateAcceptReceived,
        PduType.AssociateReject => AssociationEvent.AssociateRejectReceived,
        PduType.AssociateRequest => AssociationEvent.AssociateRequestReceived,
        PduType.DataTransfer => AssociationEvent.DataReceived,
        PduType.ReleaseRequest => AssociationEvent.ReleaseRequestReceived,
        PduType.ReleaseResponse => AssociationEvent.ReleaseResponseReceived,
        _ => AssociationEvent.AbortReceived,
    };

    private readonly record struct Received(AssociationEvent Event, Pdu? Pdu, DicomProtocolException? Error, bool TimedOut = false)
    {
        public static Received Timeout => new(default, null, null, TimedOut: true);

        public static Received Closed => new(AssociationEvent.TransportClosed, null, null);

        public AbortReason AbortReason => Error?.Error.ToAbortReason() ?? AbortReason.UnexpectedPdu;

        public static Received Invalid(DicomProtocolException error) => new(AssociationEvent.InvalidPduReceived, null, error);

        public string Describe() => Error is not null ? $"{Error.Error}: {Error.Message}" : $"unexpected {Pdu?.Type}";
    }
}
