using System.IO.Compression;

namespace Edge.Dicom;

/// <summary>Choices the standard leaves to the writer.</summary>
public sealed class DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>
    /// Write sequences and items with explicit lengths instead of delimiters. Undefined lengths (the default) stream
    /// without a sizing pass; defined lengths suit peers that mishandle delimiters.
    /// </summary>
    public bool DefinedLengthSequences { get; init; }

    /// <summary>Compression level for Deflated Explicit VR Little Endian.</summary>
    public CompressionLevel DeflateLevel { get; init; } = CompressionLevel.Optimal;
}
