using System.Globalization;

namespace Edge.Dicom;

/// <summary>
/// The one exception the reader lets escape for bad input. It names the byte offset (from the start of the
/// stream, or of the inflated data for deflated transfer syntaxes) and, where known, the tag being read.
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException()
        : this(DicomFormatError.NotDicom, "invalid DICOM data", -1, null)
    {
    }

    public DicomFormatException(string message)
        : this(DicomFormatError.NotDicom, message, -1, null)
    {
    }

    public DicomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    public DicomFormatException(DicomFormatError error, string reason, long offset, DicomTag? tag, Exception? innerException = null)
        : base(Format(reason, offset, tag), innerException)
    {
        Error = error;
        Reason = reason;
        Offset = offset;
        Tag = tag;
    }

    public DicomFormatError Error { get; } = DicomFormatError.NotDicom;

    /// <summary>The reason without the position suffix.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>Byte offset where the problem was found, or -1 when not tied to a position.</summary>
    public long Offset { get; }

    public DicomTag? Tag { get; }

    /// <summary>True when the input simply ended early; a caller with more bytes to come may retry.</summary>
    public bool IsTruncation => Error == DicomFormatError.Truncated;

    private static string Format(string reason, long offset, DicomTag? tag)
    {
        string where = offset >= 0 ? string.Create(CultureInfo.InvariantCulture, $" at byte offset {offset}") : string.Empty;
        string what = tag is { } t ? $" in element {t}" : string.Empty;
        return reason + where + what;
    }
}
