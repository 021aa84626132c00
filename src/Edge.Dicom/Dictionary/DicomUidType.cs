namespace Edge.Dicom;

/// <summary>The UID type column of PS3.6 Table A-1, folded into the kinds Edge distinguishes.</summary>
public enum DicomUidType
{
    TransferSyntax,
    SopClass,
    WellKnownSopInstance,
    MetaSopClass,
    ApplicationContextName,
    Other,
    ServiceClass,
    WellKnownFrameOfReference,
    CodingScheme,
    LdapOid,
}
