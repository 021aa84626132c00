namespace Edge.Dicom.Network.Association;

/// <summary>An accepted presentation context: every PDV on <see cref="Id"/> is encoded in <see cref="TransferSyntax"/>.</summary>
public sealed record PresentationContext(byte Id, string AbstractSyntax, DicomTransferSyntax TransferSyntax);
