namespace Edge.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ source field (PS3.8 Table 9-21).</summary>
public enum AssociateRejectSource : byte
{
    ServiceUser = 1,
    ServiceProviderAcse = 2,
    ServiceProviderPresentation = 3,
}
