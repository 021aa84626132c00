namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ result field (PS3.8 Table 9-21).</summary>
public enum AssociateRejectResult : byte
{
    Permanent = 1,
    Transient = 2,
}
