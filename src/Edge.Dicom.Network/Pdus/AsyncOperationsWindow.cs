namespace Edge.Dicom.Network.Pdus;

/// <summary>Asynchronous operations window sub-item, type 0x53 (PS3.7 D.3.3.3); 0 means unlimited.</summary>
public readonly record struct AsyncOperationsWindow(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed);
