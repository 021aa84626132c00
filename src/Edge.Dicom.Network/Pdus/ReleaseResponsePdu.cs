namespace Edge.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP (PS3.8 §9.3.7). It carries nothing, so one instance serves everyone.</summary>
public sealed class ReleaseResponsePdu : Pdu
{
    private ReleaseResponsePdu()
    {
    }

    public static ReleaseResponsePdu Instance { get; } = new();

    public override PduType Type => PduType.ReleaseResponse;
}
