namespace Edge.Dicom.Network.Pdus;

/// <summary>A user-information sub-item Edge does not interpret (e.g. 0x56-0x59: extended negotiation, user identity).</summary>
public sealed record UserInformationSubItem(byte ItemType, ReadOnlyMemory<byte> Value);
