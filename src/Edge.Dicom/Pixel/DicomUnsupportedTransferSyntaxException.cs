namespace Edge.Dicom;

/// <summary>
/// Pixel data is encoded in a transfer syntax Edge cannot decode (JPEG baseline/extended, JPEG-LS, JPEG 2000,
/// video, ...). The message names the syntax and its UID so an engineer can re-send the study uncompressed.
/// </summary>
public sealed class DicomUnsupportedTransferSyntaxException : Exception
{
    public DicomUnsupportedTransferSyntaxException()
        : this("unsupported transfer syntax")
    {
    }

    public DicomUnsupportedTransferSyntaxException(string message)
        : base(message)
    {
        TransferSyntaxUid = string.Empty;
    }

    public DicomUnsupportedTransferSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        TransferSyntaxUid = string.Empty;
    }

    public DicomUnsupportedTransferSyntaxException(DicomTransferSyntax transferSyntax)
        : base(FormatMessage(transferSyntax))
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        TransferSyntaxUid = transferSyntax.Uid;
    }

    public string TransferSyntaxUid { get; }

    private static string FormatMessage(DicomTransferSyntax? ts) => ts is null
        ? "unsupported transfer syntax"
        : $"unsupported transfer syntax {ts.Name} ({ts.Uid}): Edge decodes native (uncompressed), RLE Lossless and JPEG Lossless (Process 14) pixel data";
}
