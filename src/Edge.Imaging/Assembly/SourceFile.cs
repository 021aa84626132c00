using Edge.Dicom;

namespace Edge.Imaging.Assembly;

/// <summary>
/// One DICOM file of a series. Holds the header-only read until its pixels are decoded, then lets it go, so
/// pixel data is read once and never retained beyond its own decode. A file decoded ahead of assembly
/// (<see cref="DecodedInstance"/>) carries its frames in HU instead, and assembly only copies them.
/// </summary>
public sealed class SourceFile
{
    private DicomFile? _file;
    private float[][]? _decoded;

    public SourceFile(string path, DicomFile file)
    {
        Path = path;
        _file = file;
    }

    public string Path { get; }

    /// <summary>The header read, or null once released.</summary>
    public DicomFile? File => Volatile.Read(ref _file);

    /// <summary>The file for decoding: the header read if still held, else a fresh header-only read.</summary>
    internal DicomFile OpenForPixels() => Volatile.Read(ref _file) ?? DicomFile.Open(Path, DicomReadOptions.HeaderOnly);

    /// <summary>Each frame's pixels in HU (rows × columns), when the file was decoded ahead of assembly; else null.</summary>
    internal float[][]? Decoded => Volatile.Read(ref _decoded);

    /// <summary>Drops the parsed file (and any pixel data it loaded).</summary>
    internal void Release() => Volatile.Write(ref _file, null);

    internal void Attach(float[][] decoded) => Volatile.Write(ref _decoded, decoded);

    /// <summary>Drops the decoded frames once they are copied into a volume.</summary>
    internal void ReleaseDecoded() => Volatile.Write(ref _decoded, null);
}
