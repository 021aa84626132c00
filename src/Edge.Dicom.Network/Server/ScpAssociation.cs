using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Transport;

namespace Edge.Dicom.Network.Server;

/// <summary>One accepted TCP connection of the storage SCP, from A-ASSOCIATE-RQ to close.</summary>
internal sealed partial class ScpAssociation
{
    private readonly ScpContext _context;
    private readonly Socket _socket;
    private readonly long _id;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private AssociationInfo? _info;
    private int _stored;
    private int _failed;
    private long _bytes;

    public ScpAssociation(ScpContext context, Socket socket, long id)
    {
        _context = context;
        _socket = socket;
        _id = id;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        IPEndPoint? remote = _socket.RemoteEndPoint as IPEndPoint;
        AssociationEndReason reason = AssociationEndReason.ConnectionLost;
        string? detail = null;
        var connection = new UpperLayerConnection(DicomConnection.FromSocket(_socket), isRequestor: false, _context.Timeouts,
            _context.Limits, _context.Budget, _context.Logger, _id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            UpperLayerIndication end = await AssociateAndServeAsync(connection, remote, stopping).ConfigureAwait(false);
            (reason, detail) = (Map(end.Kind), end.Detail);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (reason, detail) = (AssociationEndReason.Shutdown, "server stopping");
        }
        catch (TimeoutException ex)
        {
            (reason, detail) = (AssociationEndReason.TimedOut, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            (reason, detail) = (AssociationEndReason.ConnectionLost, ex.Message);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var summary = new AssociationSummary(_id, _info, remote, reason, detail, _stored, _failed, _bytes, _clock.Elapsed);
            NetworkLog.AssociationEnded(_context.Logger, summary.ToString());
            Notify(static (events, s) => events.AssociationClosed(s), summary);
        }
    }

    private async Task<UpperLayerIndication> AssociateAndServeAsync(UpperLayerConnection connection, IPEndPoint? remote, CancellationToken stopping)
    {
        UpperLayerIndication first = await connection.ReceiveAsync(_context.Options.AssociationRequestTimeout, stopping).ConfigureAwait(false);
        if (first.IsTerminal)
        {
            return first;
        }

        var request = (AssociateRequestPdu)first.Pdu!;
        _info = new AssociationInfo(_id, request.CallingAeTitle, request.CalledAeTitle, remote, request.UserInformation.ImplementationClassUid,
            request.UserInformation.ImplementationVersionName, request.UserInformation.MaximumLength, DateTimeOffset.UtcNow);
        if (!_context.Limiter.TryEnter())
        {
            AssociateRejectPdu busy = AssociateRejectPdu.Transient(AssociateRejectReason.LocalLimitExceeded);
            NetworkLog.AssociationRejected(_context.Logger, _id, request.CallingAeTitle, remote?.ToString() ?? "?", request.CalledAeTitle, busy.ToString());
            return await connection.RejectAsync(busy, stopping).ConfigureAwait(false);
        }

        try
        {
            return await NegotiateAndServeAsync(connection, request, remote, stopping).ConfigureAwait(false);
        }
        finally
        {
            _context.Limiter.Exit();
        }
    }

    private async Task<UpperLayerIndication> NegotiateAndServeAsync(UpperLayerConnection connection, AssociateRequestPdu request, IPEndPoint? remote,
        CancellationToken stopping)
    {
        AssociateRejectPdu? reject = Screen(request, remote?.Address);
        NegotiationResult? negotiation = null;
        if (reject is null)
        {
            negotiation = _context.Negotiator.Negotiate(request);
            if (negotiation.Accepted.Count == 0)
            {
                reject = AssociateRejectPdu.Permanent(AssociateRejectReason.UserNoReasonGiven);
            }
        }

        if (reject is not null)
        {
            NetworkLog.AssociationRejected(_context.Logger, _id, request.CallingAeTitle, remote?.ToString() ?? "?", request.CalledAeTitle, reject.ToString());
            return await connection.RejectAsync(reject, stopping).ConfigureAwait(false);
        }

        var accept = new AssociateAcceptPdu
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = negotiation!.Results,
            UserInformation = new UserInformation
            {
                MaximumLength = _context.Limits.MaxDataPduLength,
                ImplementationClassUid = DicomUpperLayer.ImplementationClassUid,
                ImplementationVersionName = DicomUpperLayer.ImplementationVersionName,
                AsyncOperationsWindow = negotiation.AsyncOperationsWindow,
                RoleSelections = negotiation.RoleReplies,
            },
        };
        await connection.AcceptAsync(accept, stopping).ConfigureAwait(false);
        NetworkLog.AssociationAccepted(_context.Logger, _id, request.CallingAeTitle, remote?.ToString() ?? "?", negotiation.Accepted.Count,
            request.PresentationContexts.Count);
        Notify(static (events, info) => events.AssociationOpened(info), _info!);
        return await ServeAsync(connection, negotiation.Accepted, request.UserInformation.MaximumLength, remote?.Address, stopping).ConfigureAwait(false);
    }

    /// <summary>The association-level policy, in the order a clinic engineer can act on: disk, then identity.</summary>
    private AssociateRejectPdu? Screen(AssociateRequestPdu request, IPAddress? remote)
    {
        if (_context.Disk.IsLow)
        {
            return AssociateRejectPdu.Transient(AssociateRejectReason.TemporaryCongestion);
        }

        if (request.ApplicationContextName != DicomUpperLayer.ApplicationContextName)
        {
            return AssociateRejectPdu.Permanent(AssociateRejectReason.ApplicationContextNameNotSupported);
        }

        if (_context.Options.RequireCalledAeTitle && !AeTitles.AreEqual(request.CalledAeTitle, _context.Options.AeTitle))
        {
            return AssociateRejectPdu.Permanent(AssociateRejectReason.CalledAeTitleNotRecognized);
        }

        if (!AeTitles.IsValid(request.CallingAeTitle)
            || (_context.AllowedCallers.Count > 0 && !_context.AllowedCallers.Any(c => c.Matches(request.CallingAeTitle, remote))))
        {
            return AssociateRejectPdu.Permanent(AssociateRejectReason.CallingAeTitleNotRecognized);
        }

        return null;
    }

    private static AssociationEndReason Map(IndicationKind kind) => kind switch
    {
        IndicationKind.Released => AssociationEndReason.Released,
        IndicationKind.Rejected => AssociationEndReason.Rejected,
        IndicationKind.Aborted => AssociationEndReason.AbortedByPeer,
        IndicationKind.ProtocolError => AssociationEndReason.ProtocolError,
        IndicationKind.TimedOut => AssociationEndReason.TimedOut,
        IndicationKind.LocalAbort => AssociationEndReason.Shutdown,
        IndicationKind.Closed => AssociationEndReason.ClosedBeforeRequest,
        _ => AssociationEndReason.ConnectionLost,
    };

    /// <summary>Event handlers are someone else's code: a throwing handler is logged, never allowed to break the association.</summary>
    private void Notify<T>(Action<IStorageEvents, T> raise, T argument)
    {
        try
        {
            raise(_context.Events, argument);
        }
        catch (Exception ex)
        {
            NetworkLog.EventHandlerFailed(_context.Logger, _id, ex);
        }
    }
}
