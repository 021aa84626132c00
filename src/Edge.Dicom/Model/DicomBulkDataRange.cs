using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom;

/// <summary>
/// A value left in its file by a header-only or thresholded read. Loading opens the file, reads exactly
/// <see cref="Length"/> bytes at <see cref="Offset"/> and swaps them to little endian when the file was big endian.
/// </summary>
public sealed class DicomBulkDataRange
{
    internal DicomBulkDataRange(string path, long offset, long length, int swapUnit)
    {
        Path = path;
        Offset = offset;
        Length = length;
        SwapUnit = swapUnit;
    }

    public string Path { get; }

    public long Offset { get; }

    public long Length { get; }

    /// <summary>1 when the bytes on disk are already little endian; 2, 4 or 8 when they must be swapped.</summary>
    public int SwapUnit { get; }

    /// <summary>Reads the range into a new array.</summary>
    public byte[] Load()
    {
        if (Length > Array.MaxLength)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"value of {Length} bytes is too large to load into memory", Offset, null);
        }

        byte[] value = GC.AllocateUninitializedArray<byte>((int)Length);
        ReadInto(value);
        return value;
    }

    /// <summary>Reads the range into <paramref name="destination"/>, which must be exactly <see cref="Length"/> bytes.</summary>
    public void ReadInto(Span<byte> destination)
    {
        if (destination.Length != Length)
        {
            throw new ArgumentException($"destination must be {Length} bytes", nameof(destination));
        }

        using SafeFileHandle handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int done = 0;
        while (done < destination.Length)
        {
            int n = RandomAccess.Read(handle, destination[done..], Offset + done);
            if (n == 0)
            {
                throw new DicomFormatException(DicomFormatError.Truncated, $"file {Path} ended before the {Length}-byte value", Offset + done, null);
            }

            done += n;
        }

        ByteSwap.InPlace(destination, SwapUnit);
    }
}
