namespace Edge.Dicom.Network.Pdus;

/// <summary>SCP/SCU role selection sub-item, type 0x54 (PS3.7 D.3.3.4).</summary>
public sealed record RoleSelectionItem(string SopClassUid, bool ScuRole, bool ScpRole);
