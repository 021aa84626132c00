namespace Edge.Dicom.Network.Server;

public enum AssociationEndReason
{
    /// <summary>A-RELEASE completed.</summary>
    Released,

    /// <summary>Edge sent A-ASSOCIATE-RJ (policy, limits, low disk, negotiation).</summary>
    Rejected,

    /// <summary>The peer sent A-ABORT.</summary>
    AbortedByPeer,

    /// <summary>The peer broke the protocol; Edge sent A-ABORT.</summary>
    ProtocolError,

    /// <summary>A timer expired (association request, DIMSE idle, socket idle, ARTIM).</summary>
    TimedOut,

    /// <summary>The TCP connection dropped.</summary>
    ConnectionLost,

    /// <summary>Edge aborted it because the server is stopping.</summary>
    Shutdown,

    /// <summary>The peer connected and closed without requesting an association.</summary>
    ClosedBeforeRequest,
}
