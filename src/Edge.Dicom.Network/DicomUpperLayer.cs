namespace Edge.Dicom.Network;

/// <summary>Constants of the DICOM upper layer and of Edge's implementation identity.</summary>
public static class DicomUpperLayer
{
    /// <summary>The only application context name defined by DICOM (PS3.7 Annex A.2.1).</summary>
    public const string ApplicationContextName = "1.2.840.10008.3.1.1.1";

    /// <summary>Edge's implementation class UID, the same one its Part 10 files carry in (0002,0012).</summary>
    public const string ImplementationClassUid = DicomWriter.ImplementationClassUid;

    /// <summary>Implementation version name, at most 16 characters (PS3.7 D.3.3.2.3); the same as (0002,0013).</summary>
    public const string ImplementationVersionName = DicomWriter.ImplementationVersionName;
}
