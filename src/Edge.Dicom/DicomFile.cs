using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom;

/// <summary>A DICOM Part 10 file (PS3.10 §7): file meta information and a dataset.</summary>
public sealed class DicomFile
{
    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, DicomTransferSyntax transferSyntax)
        : this(fileMetaInformation, dataset, transferSyntax, -1, [])
    {
    }

    internal DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, DicomTransferSyntax transferSyntax, long pixelDataOffset, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(fileMetaInformation);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        PixelDataOffset = pixelDataOffset;
        Warnings = warnings;
    }

    /// <summary>Group 0002 as read; empty for a file without meta information.</summary>
    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the dataset was read with (from the meta header, or detected).</summary>
    public DicomTransferSyntax TransferSyntax { get; set; }

    /// <summary>Byte offset of the first byte of the top-level (7FE0,0010) value, or -1 (none, or deflated).</summary>
    public long PixelDataOffset { get; }

    /// <summary>Deviations from the standard the reader tolerated (missing meta, stray delimiters, ...).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Reads a file. With default options the whole file is read in one call and values are slices of that buffer;
    /// with <see cref="DicomReadOptions.ReadPixelData"/> false or a bulk data threshold only the header is read and
    /// large values stay on disk until used.
    /// </summary>
    /// <exception cref="DicomFormatException">The file is not valid DICOM.</exception>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReadOptions.Default;
        options.Validate();
        string fullPath = Path.GetFullPath(path);
        using SafeFileHandle handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        bool wholeFile = options.ReadPixelData && options.BulkDataThreshold == long.MaxValue && length <= Array.MaxLength;
        using DicomInput input = wholeFile ? DicomInput.FromMemory(ReadAll(handle, length), writable: true) : DicomInput.FromFile(handle, fullPath, length);
        return DicomFileReader.Read(input, options);
    }

    /// <summary>Reads a Part 10 stream from its current position.</summary>
    /// <exception cref="DicomFormatException">The stream is not valid DICOM.</exception>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DicomReadOptions.Default;
        options.Validate();
        using DicomInput input = DicomInput.FromStream(stream);
        return DicomFileReader.Read(input, options);
    }

    /// <summary>Reads a Part 10 file held in memory; values are slices of <paramref name="bytes"/> (not copied).</summary>
    public static DicomFile Read(byte[] bytes, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        options ??= DicomReadOptions.Default;
        options.Validate();
        using DicomInput input = DicomInput.FromMemory(bytes, writable: false);
        return DicomFileReader.Read(input, options);
    }

    /// <summary>Writes the file in its <see cref="TransferSyntax"/> (big endian is written as explicit VR little endian).</summary>
    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Save(stream);
    }

    public void Save(Stream stream)
    {
        DicomTransferSyntax ts = TransferSyntax.IsBigEndian ? DicomTransferSyntax.ExplicitVRLittleEndian : TransferSyntax;
        DicomWriter.WritePart10(stream, FileMetaInformation, Dataset, ts);
    }

    private static byte[] ReadAll(SafeFileHandle handle, long length)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>((int)length);
        int done = 0;
        while (done < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(done), done);
            if (n == 0)
            {
                Array.Resize(ref bytes, done);
                break;
            }

            done += n;
        }

        return bytes;
    }
}
