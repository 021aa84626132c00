namespace Edge.Dicom.Network.Pdus;

/// <summary>The acceptor's answer for one presentation context (PS3.8 §9.3.3.2).</summary>
public sealed class PresentationContextResultItem : IPresentationContextItem
{
    public PresentationContextResultItem(byte id, PresentationContextResult result, string transferSyntax)
    {
        Id = id;
        Result = result;
        TransferSyntax = transferSyntax;
    }

    public byte Id { get; }

    public PresentationContextResult Result { get; }

    /// <summary>The chosen transfer syntax; PS3.8 says it is not significant unless the result is acceptance.</summary>
    public string TransferSyntax { get; }
}
