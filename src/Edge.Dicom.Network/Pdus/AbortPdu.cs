namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ABORT (PS3.8 §9.3.8, Table 9-26).</summary>
public sealed class AbortPdu : Pdu
{
    public AbortPdu(AbortSource source, AbortReason reason)
    {
        Source = source;
        Reason = reason;
    }

    public override PduType Type => PduType.Abort;

    public AbortSource Source { get; }

    /// <summary>Only significant when <see cref="Source"/> is the service provider; otherwise sent as 0.</summary>
    public AbortReason Reason { get; }

    public static AbortPdu ServiceUser { get; } = new(AbortSource.ServiceUser, AbortReason.NotSpecified);

    public static AbortPdu Provider(AbortReason reason) => new(AbortSource.ServiceProvider, reason);

    public override string ToString() => $"A-ABORT source={Source} reason={Reason}";
}
