namespace Edge.Dicom;

/// <summary>Choices for the DICOM JSON model (PS3.18 §F.2).</summary>
public sealed class DicomJsonOptions
{
    public static DicomJsonOptions Default { get; } = new();

    /// <summary>
    /// Binary values longer than this are written as a BulkDataURI when <see cref="BulkDataUri"/> gives one;
    /// otherwise they are written inline. <see cref="long.MaxValue"/> (default) always inlines.
    /// </summary>
    public long BulkDataThreshold { get; init; } = long.MaxValue;

    /// <summary>
    /// Names the URI for a large binary value; null from the callback inlines the value. The default gives a
    /// <c>file://</c> URI with offset and length for values left on disk by a header-only read, and null otherwise.
    /// </summary>
    public Func<DicomItem, string?> BulkDataUri { get; init; } = DefaultBulkDataUri;

    public bool Indented { get; init; }

    /// <summary>
    /// Group length elements (gggg,0000) are written as they are held, as pydicom and Orthanc do by default;
    /// turn off to drop these retired elements.
    /// </summary>
    public bool IncludeGroupLengths { get; init; } = true;

    private static string? DefaultBulkDataUri(DicomItem item)
        => item is DicomElement { BulkDataRange: { } range }
            ? $"{new Uri(range.Path).AbsoluteUri}?offset={range.Offset}&length={range.Length}"
            : null;
}
