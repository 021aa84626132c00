namespace Edge.Dicom.Network.Pdus;

/// <summary>An upper-layer protocol data unit (PS3.8 §9.3). Encoding lives in <c>Protocol/</c>.</summary>
public abstract class Pdu
{
    private protected Pdu()
    {
    }

    public abstract PduType Type { get; }
}
