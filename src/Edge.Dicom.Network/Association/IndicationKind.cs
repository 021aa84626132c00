namespace Edge.Dicom.Network.Association;

/// <summary>What the upper layer reports to its user; members from <see cref="Rejected"/> on end the association.</summary>
internal enum IndicationKind
{
    /// <summary>A-ASSOCIATE indication (Sta3): answer with accept or reject.</summary>
    AssociateRequest,

    /// <summary>A-ASSOCIATE confirmation, accepted (Sta6).</summary>
    AssociateAccepted,

    /// <summary>P-DATA indication; the PDU's data is valid until the next call into the connection.</summary>
    Data,

    /// <summary>A-RELEASE indication (Sta8): answer with a release response.</summary>
    ReleaseRequested,

    /// <summary>A-RELEASE indication during a release collision (Sta9 or Sta10).</summary>
    ReleaseCollision,

    /// <summary>A-RELEASE confirmation for the acceptor side of a collision (Sta12): answer with a release response.</summary>
    ReleaseCollisionConfirmed,

    /// <summary>A-ASSOCIATE-RJ was received or sent.</summary>
    Rejected,

    /// <summary>The association was released in order.</summary>
    Released,

    /// <summary>The peer sent A-ABORT.</summary>
    Aborted,

    /// <summary>The peer broke the protocol; Edge sent A-ABORT.</summary>
    ProtocolError,

    /// <summary>A timer expired; Edge aborted or closed.</summary>
    TimedOut,

    /// <summary>The transport closed or failed while the association existed.</summary>
    ConnectionLost,

    /// <summary>The local user aborted (for example at shutdown).</summary>
    LocalAbort,

    /// <summary>The peer closed the connection before any association was requested.</summary>
    Closed,
}
