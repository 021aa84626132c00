namespace Edge.Dicom.Network.Pdus;

/// <summary>A proposed presentation context (PS3.8 §9.3.2.2): one abstract syntax and the transfer syntaxes offered for it.</summary>
public sealed class PresentationContextItem : IPresentationContextItem
{
    public PresentationContextItem(byte id, string abstractSyntax, IReadOnlyList<string> transferSyntaxes)
    {
        Id = id;
        AbstractSyntax = abstractSyntax;
        TransferSyntaxes = transferSyntaxes;
    }

    /// <summary>Odd, 1-255 (PS3.8 §9.3.2.2).</summary>
    public byte Id { get; }

    public string AbstractSyntax { get; }

    public IReadOnlyList<string> TransferSyntaxes { get; }
}
