namespace Edge.Dicom;

/// <summary>One row of the UID registry (PS3.6 Annex A).</summary>
public sealed record DicomUidInfo(string Uid, string Name, string Keyword, DicomUidType Type, bool IsRetired);
