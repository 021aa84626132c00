namespace Edge.Dicom.Network.Protocol;

/// <summary>A peer sent bytes that break the upper-layer or DIMSE protocol. The association is aborted; others are untouched.</summary>
public sealed class DicomProtocolException : Exception
{
    public DicomProtocolException(ProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    public DicomProtocolException(ProtocolError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public ProtocolError Error { get; }
}
