using System.Net;

namespace Edge.Dicom.Network.Server;

/// <summary>Who is on the other end of an association, as negotiated.</summary>
public sealed record AssociationInfo(
    long Id,
    string CallingAeTitle,
    string CalledAeTitle,
    IPEndPoint? RemoteEndPoint,
    string ImplementationClassUid,
    string? ImplementationVersionName,
    uint PeerMaxPduLength,
    DateTimeOffset OpenedAt);
