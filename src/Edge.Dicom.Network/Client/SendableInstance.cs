using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Edge.Dicom.Network.Client;

/// <summary>A Part 10 file ready to send: its identity, transfer syntax and where its data set starts.</summary>
public sealed record SendableInstance(string Path, string SopClassUid, string SopInstanceUid, DicomTransferSyntax TransferSyntax, long? DataSetOffset, long FileLength)
{
    /// <summary>(0002,0000) UL, length 4, in explicit VR little endian: how every Part 10 meta group starts.</summary>
    private static ReadOnlySpan<byte> MetaGroupLengthHeader => [0x02, 0x00, 0x00, 0x00, (byte)'U', (byte)'L', 0x04, 0x00];

    /// <summary>Reads the header only (pixel data stays on disk); false with a reason for anything that cannot be sent.</summary>
    public static bool TryOpen(string path, out SendableInstance? instance, out string? error)
    {
        instance = null;
        try
        {
            DicomFile file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
            // The command must name what the data set says (the SCP checks it, A900 otherwise); the meta header is
            // only the fallback, since real files disagree with their own meta header now and then.
            string? sopClass = file.Dataset.GetString(DicomTags.SOPClassUID) ?? file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID);
            string? sopInstance = file.Dataset.GetString(DicomTags.SOPInstanceUID) ?? file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID);
            if (string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
            {
                error = "no SOP Class UID or SOP Instance UID";
                return false;
            }

            using SafeFileHandle handle = File.OpenHandle(path);
            long length = RandomAccess.GetLength(handle);
            instance = new SendableInstance(path, sopClass, sopInstance, file.TransferSyntax, FindDataSetOffset(handle, length, file.TransferSyntax), length);
            error = null;
            return true;
        }
        catch (DicomFormatException ex)
        {
            error = $"not readable as DICOM: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
        }

        return false;
    }

    /// <summary>
    /// Where the data set begins, so it can be streamed from disk byte for byte: after the 128-byte preamble, "DICM",
    /// and the meta group whose length (0002,0000) leads it (PS3.10 §7.1). Null when the file lacks that layout or
    /// the first data set tag does not look right; the sender then re-encodes through the data layer instead.
    /// </summary>
    private static long? FindDataSetOffset(SafeFileHandle handle, long length, DicomTransferSyntax ts)
    {
        Span<byte> head = stackalloc byte[144];
        if (length < 148 || RandomAccess.Read(handle, head, 0) != head.Length || !head.Slice(128, 4).SequenceEqual("DICM"u8)
            || !head.Slice(132, 8).SequenceEqual(MetaGroupLengthHeader))
        {
            return null;
        }

        long offset = 144L + BinaryPrimitives.ReadUInt32LittleEndian(head[140..]);
        if (offset > length)
        {
            return null;
        }

        if (!ts.IsDeflated && offset + 4 <= length)
        {
            Span<byte> tag = stackalloc byte[2];
            RandomAccess.Read(handle, tag, offset);
            ushort group = ts.IsBigEndian ? BinaryPrimitives.ReadUInt16BigEndian(tag) : BinaryPrimitives.ReadUInt16LittleEndian(tag);
            if (group <= 0x0002)
            {
                return null;
            }
        }

        return offset;
    }
}
