namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC (PS3.8 §9.3.3).</summary>
public sealed class AssociateAcceptPdu : AssociatePdu<PresentationContextResultItem>
{
    public override PduType Type => PduType.AssociateAccept;
}
