namespace Edge.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ (PS3.8 §9.3.6). It carries nothing, so one instance serves everyone.</summary>
public sealed class ReleaseRequestPdu : Pdu
{
    private ReleaseRequestPdu()
    {
    }

    public static ReleaseRequestPdu Instance { get; } = new();

    public override PduType Type => PduType.ReleaseRequest;
}
