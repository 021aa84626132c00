using System.Buffers.Binary;

namespace Edge.Dicom;

/// <summary>
/// Guesses the encoding of a dataset from its first element header, for files without a meta header or whose
/// meta header lacks (0002,0010), and to catch a meta header that names the wrong VR encoding.
/// </summary>
internal static class TransferSyntaxSniffer
{
    /// <summary>
    /// Looks at the first 8 bytes of a dataset. Returns null when neither encoding gives a plausible element:
    /// a known VR (explicit) or a length that fits in <paramref name="remaining"/> bytes (implicit).
    /// </summary>
    public static DicomEncoding? Sniff(ReadOnlySpan<byte> first, long remaining)
    {
        if (first.Length < 8)
        {
            return null;
        }

        bool explicitVR = DicomVRExtensions.TryParse(BinaryPrimitives.ReadUInt16BigEndian(first[4..]), out DicomVR vr);
        ushort groupLittle = BinaryPrimitives.ReadUInt16LittleEndian(first);
        ushort groupBig = BinaryPrimitives.ReadUInt16BigEndian(first);
        if (explicitVR)
        {
            // A dataset starts with a low group (0008 is usual). Read both ways, the smaller is the real one.
            bool bigEndian = groupBig < groupLittle;
            if (!vr.HasLongLength())
            {
                uint length = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(first[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(first[6..]);
                if (length > remaining - 8)
                {
                    return null;
                }
            }

            return new DicomEncoding(true, bigEndian);
        }

        uint implicitLength = BinaryPrimitives.ReadUInt32LittleEndian(first[4..]);
        bool plausible = implicitLength == DicomElementHeader.UndefinedLength || implicitLength <= remaining - 8;
        return plausible ? DicomEncoding.ImplicitLittle : null;
    }

    /// <summary>Whether the first tag of a file without preamble or meta header looks like the start of a dataset.</summary>
    public static bool LooksLikeDatasetStart(ReadOnlySpan<byte> first, DicomEncoding encoding)
    {
        ushort group = encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(first) : BinaryPrimitives.ReadUInt16LittleEndian(first);

        // Datasets open with the command (0000), meta (0002), identifying (0008) or another low group; a group above
        // 0x00FF in the first position is far more likely to be a misread than a dataset without groups 0008-00FF.
        return group <= 0x00FF && group != 0xFFFE;
    }
}
