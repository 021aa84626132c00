namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ (PS3.8 §9.3.2).</summary>
public sealed class AssociateRequestPdu : AssociatePdu<PresentationContextItem>
{
    public override PduType Type => PduType.AssociateRequest;
}
