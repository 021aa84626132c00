namespace Edge.Dicom.Network.Client;

/// <summary>A C-ECHO answer and what the peer said about itself while associating.</summary>
public sealed record EchoResult(ushort Status, TimeSpan RoundTrip, string PeerImplementationClassUid, string? PeerImplementationVersionName)
{
    public bool Succeeded => Status == Dimse.DimseStatus.Success;
}
