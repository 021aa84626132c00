namespace Edge.Dicom;

/// <summary>How much of a file or stream the reader materialises, and the limits it enforces.</summary>
public sealed class DicomReadOptions
{
    /// <summary>Default options: read everything into memory.</summary>
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Header-only: pixel data is not read (a lazy file range for files; omitted for streams).</summary>
    public static DicomReadOptions HeaderOnly { get; } = new() { ReadPixelData = false };

    /// <summary>
    /// When false, (7FE0,0010) Pixel Data and the float/double variants are not read: from a file they become a
    /// lazily loaded range that is only read when <see cref="DicomElement.RawValue"/> is used; from a
    /// non-seekable stream reading stops before them.
    /// </summary>
    public bool ReadPixelData { get; init; } = true;

    /// <summary>
    /// Values longer than this many bytes are not copied when reading a file: they stay a lazily loaded file range.
    /// <see cref="long.MaxValue"/> (the default) reads every value. Ignored for non-file streams.
    /// </summary>
    public long BulkDataThreshold { get; init; } = long.MaxValue;

    /// <summary>
    /// Deepest sequence nesting accepted. Real objects rarely pass 8 (RT plans, SR trees); 64 keeps the recursive
    /// reader far from the 1 MiB default thread stack while rejecting adversarial nesting cleanly.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Top-level reading stops before the first element whose tag is greater than or equal to this one.</summary>
    public DicomTag? StopAtTag { get; init; }

    internal void Validate()
    {
        if (MaxNestingDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNestingDepth), MaxNestingDepth, "MaxNestingDepth must be at least 1");
        }

        if (BulkDataThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BulkDataThreshold), BulkDataThreshold, "BulkDataThreshold must not be negative");
        }
    }
}
