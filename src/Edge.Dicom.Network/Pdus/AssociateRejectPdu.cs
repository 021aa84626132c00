namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ (PS3.8 §9.3.4, Table 9-21).</summary>
public sealed class AssociateRejectPdu : Pdu
{
    public AssociateRejectPdu(AssociateRejectResult result, AssociateRejectSource source, byte reason)
    {
        Result = result;
        Source = source;
        Reason = reason;
    }

    public override PduType Type => PduType.AssociateReject;

    public AssociateRejectResult Result { get; }

    public AssociateRejectSource Source { get; }

    /// <summary>Reason code whose meaning depends on <see cref="Source"/>; see <see cref="AssociateRejectReason"/>.</summary>
    public byte Reason { get; }

    public static AssociateRejectPdu Permanent(AssociateRejectReason reason) =>
        new(AssociateRejectResult.Permanent, reason.Source(), reason.Code());

    public static AssociateRejectPdu Transient(AssociateRejectReason reason) =>
        new(AssociateRejectResult.Transient, reason.Source(), reason.Code());

    public override string ToString() => $"A-ASSOCIATE-RJ {Result} source={Source} reason={AssociateRejectReasons.Describe(Source, Reason)}";
}
