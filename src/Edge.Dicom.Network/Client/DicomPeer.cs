namespace Edge.Dicom.Network.Client;

/// <summary>A remote application entity: where to connect and which AE title to call.</summary>
public sealed record DicomPeer(string Host, int Port, string CalledAeTitle)
{
    public override string ToString() => $"{CalledAeTitle}@{Host}:{Port}";
}
