namespace Edge.Dicom.Network.Client;

/// <summary>One presentation context to propose: an abstract syntax and the transfer syntaxes offered for it.</summary>
public sealed record ProposedContext(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);
