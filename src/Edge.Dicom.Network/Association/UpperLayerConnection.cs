using System.IO.Pipelines;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.StateMachine;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Dicom.Network.Association;

/// <summary>
/// The DICOM upper layer over one transport connection: every received PDU and every local primitive goes through
/// PS3.8 Table 9-10 (<see cref="StateTransitionTable"/>), and the resulting action is carried out here. It is driven by
/// one caller at a time (receive, then send), as DIMSE without an asynchronous operations window needs.
/// </summary>
internal sealed partial class UpperLayerConnection : IAsyncDisposable
{
    private readonly DicomConnection _connection;
    private readonly PipeReader _input;
    private readonly PduLimits _limits;
    private readonly MemoryBudget? _budget;
    private readonly ILogger _logger;
    private UpperLayerIndication? _terminal;
    private SequencePosition? _pendingConsumed;
    private long _pendingLease;
    private bool _closed;

    public UpperLayerConnection(DicomConnection connection, bool isRequestor, UpperLayerTimeouts timeouts, PduLimits limits,
        MemoryBudget? budget, ILogger logger, string id)
    {
        _connection = connection;
        _input = connection.Input;
        Output = connection.Output;
        IsRequestor = isRequestor;
        Timeouts = timeouts;
        _limits = limits;
        _budget = budget;
        _logger = logger;
        Id = id;
        State = AssociationState.Idle;
        if (!isRequestor)
        {
            // Evt5: a peer connected; AE-5 starts ARTIM while the A-ASSOCIATE-RQ is awaited.
            Transition(AssociationEvent.TransportConnectIndication);
        }
    }

    public string Id { get; }

    public bool IsRequestor { get; }

    public AssociationState State { get; private set; }

    public UpperLayerTimeouts Timeouts { get; }

    public DicomConnection Connection => _connection;

    /// <summary>Where P-DATA-TF PDUs are written after <see cref="BeginDataRequest"/>; flushed with <see cref="FlushAsync"/>.</summary>
    public PipeWriter Output { get; }

    /// <summary>The terminal indication once the association has ended, else null.</summary>
    public UpperLayerIndication? Terminal => _terminal;

    /// <summary>Evt1 + Evt2 (the transport is already connected): AE-1 then AE-2 send the A-ASSOCIATE-RQ.</summary>
    public async ValueTask SendAssociateRequestAsync(AssociateRequestPdu request, CancellationToken cancellationToken)
    {
        Transition(AssociationEvent.AssociateRequestPrimitive);
        Transition(AssociationEvent.TransportConnectConfirm);
        await WritePduAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evt7 → AE-7: send A-ASSOCIATE-AC.</summary>
    public async ValueTask AcceptAsync(AssociateAcceptPdu accept, CancellationToken cancellationToken)
    {
        Transition(AssociationEvent.AssociateAcceptPrimitive);
        await WritePduAsync(accept, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evt8 → AE-8: send A-ASSOCIATE-RJ, then wait (ARTIM) for the peer to close. Nothing else is sent.</summary>
    public async ValueTask<UpperLayerIndication> RejectAsync(AssociateRejectPdu reject, CancellationToken cancellationToken)
    {
        Transition(AssociationEvent.AssociateRejectPrimitive);
        _terminal = new UpperLayerIndication(IndicationKind.Rejected, reject, reject.ToString());
        await WritePduAsync(reject, cancellationToken).ConfigureAwait(false);
        return await ReceiveAsync(Timeouts.Artim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evt9 → DT-1 (Sta6) or AR-7 (Sta8): the caller may now write P-DATA-TF PDUs to <see cref="Output"/>.</summary>
    public void BeginDataRequest()
    {
        ReleasePendingData();
        Transition(AssociationEvent.DataRequestPrimitive);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeouts.Send);
        try
        {
            FlushResult result = await Output.FlushAsync(cts.Token).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                throw new IOException("The peer stopped reading.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(new UpperLayerIndication(IndicationKind.TimedOut, Detail: $"the peer did not read for {Timeouts.Send.TotalSeconds:0.#} s"));
            throw new TimeoutException($"Sending to the peer stalled for {Timeouts.Send.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            Kill(new UpperLayerIndication(IndicationKind.ConnectionLost, Detail: ex.Message));
            throw;
        }
    }

    /// <summary>Evt11 → AR-1: send A-RELEASE-RQ.</summary>
    public async ValueTask RequestReleaseAsync(CancellationToken cancellationToken)
    {
        ReleasePendingData();
        Transition(AssociationEvent.ReleaseRequestPrimitive);
        await WritePduAsync(ReleaseRequestPdu.Instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evt14: AR-4 (Sta8, Sta12) sends A-RELEASE-RP and waits for the peer to close, returning the terminal indication;
    /// AR-9 (Sta9, requestor side of a collision) sends A-RELEASE-RP and returns null: keep receiving for the peer's RP.
    /// </summary>
    public async ValueTask<UpperLayerIndication?> RespondReleaseAsync(CancellationToken cancellationToken)
    {
        ReleasePendingData();
        AssociationAction action = Transition(AssociationEvent.ReleaseResponsePrimitive);
        if (action == AssociationAction.AR4)
        {
            _terminal = new UpperLayerIndication(IndicationKind.Released);
        }

        await WritePduAsync(ReleaseResponsePdu.Instance, cancellationToken).ConfigureAwait(false);
        return action == AssociationAction.AR4 ? await ReceiveAsync(Timeouts.Artim, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Evt15: AA-1 sends A-ABORT (service-user) then, when <paramref name="linger"/>, waits up to ARTIM for the peer to
    /// close; AA-2 (Sta4) just closes. Safe to call in any state.
    /// </summary>
    public async ValueTask AbortAsync(UpperLayerIndication reason, bool linger, CancellationToken cancellationToken)
    {
        ReleasePendingData();
        if (State is AssociationState.Idle or AssociationState.AwaitingTransportClose or AssociationState.AwaitingAssociateRequest)
        {
            // No A-ABORT is defined in Sta2 (Table 9-10); in Sta1 and Sta13 the association is already gone.
            _terminal ??= reason;
            await CloseTransportAsync().ConfigureAwait(false);
            return;
        }

        _terminal ??= reason;
        AssociationAction action = Transition(AssociationEvent.AbortRequestPrimitive);
        if (action == AssociationAction.AA1)
        {
            await TryWriteAbortAsync(AbortPdu.ServiceUser).ConfigureAwait(false);
        }

        if (linger && State == AssociationState.AwaitingTransportClose)
        {
            await ReceiveAsync(Timeouts.Artim, cancellationToken).ConfigureAwait(false);
        }

        await CloseTransportAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        ReleasePendingData();
        if (!_closed && State is not (AssociationState.Idle or AssociationState.AwaitingTransportClose))
        {
            await AbortAsync(new UpperLayerIndication(IndicationKind.LocalAbort, Detail: "disposed"), linger: false, CancellationToken.None)
                .ConfigureAwait(false);
        }

        await CloseTransportAsync().ConfigureAwait(false);
    }

    private AssociationAction Transition(AssociationEvent evt, bool acceptable = true)
    {
        AssociationAction action = StateTransitionTable.Lookup(State, evt);
        if (action == AssociationAction.None)
        {
            throw new InvalidOperationException($"Event {evt} is not valid in state {State} (PS3.8 Table 9-10).");
        }

        AssociationState next = StateTransitionTable.NextState(action, IsRequestor, acceptable);
        NetworkLog.Transition(_logger, Id, State, evt, action, next);
        State = next;
        return action;
    }

    private async ValueTask WritePduAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        PduWriter.Write(Output, pdu);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An A-ABORT is a courtesy to a peer that may be gone: failures to deliver it are ignored.</summary>
    private async ValueTask TryWriteAbortAsync(AbortPdu abort)
    {
        try
        {
            PduWriter.Write(Output, abort);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await Output.FlushAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Net.Sockets.SocketException
            or ObjectDisposedException or InvalidOperationException)
        {
            NetworkLog.AbortNotDelivered(_logger, Id, ex.Message);
        }
    }

    /// <summary>Ends everything at once after a transport failure.</summary>
    private void Kill(UpperLayerIndication reason)
    {
        _terminal ??= reason;
        State = AssociationState.Idle;
        _closed = true;
        ReleasePendingData();
        _connection.Abort();
    }

    private async ValueTask CloseTransportAsync()
    {
        State = AssociationState.Idle;
        _closed = true;
        ReleasePendingData();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
