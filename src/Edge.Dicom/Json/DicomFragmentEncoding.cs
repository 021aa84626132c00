using System.Buffers.Binary;

namespace Edge.Dicom;

/// <summary>The item stream of encapsulated pixel data (offset table item, then fragment items), as JSON inlines it.</summary>
internal static class DicomFragmentEncoding
{
    public static byte[] Encode(DicomFragmentSequence fragments)
    {
        long total = 8 + (fragments.BasicOffsetTable.Count * 4L);
        for (int i = 0; i < fragments.Fragments.Count; i++)
        {
            total += 8 + fragments.GetFragmentLength(i) + (fragments.GetFragmentLength(i) & 1);
        }

        byte[] bytes = new byte[total];
        Span<byte> s = bytes;
        WriteItemHeader(ref s, (uint)(fragments.BasicOffsetTable.Count * 4));
        foreach (uint offset in fragments.BasicOffsetTable)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, offset);
            s = s[4..];
        }

        foreach (ReadOnlyMemory<byte> fragment in fragments.Fragments)
        {
            int padded = fragment.Length + (fragment.Length & 1);
            WriteItemHeader(ref s, (uint)padded);
            fragment.Span.CopyTo(s);
            s = s[padded..];
        }

        return bytes;
    }

    /// <summary>Splits an item stream back into offset table and fragments; false when it is not one.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bytes, out List<uint> offsets, out List<ReadOnlyMemory<byte>> fragments)
    {
        offsets = [];
        fragments = [];
        bool first = true;
        while (bytes.Length >= 8)
        {
            ReadOnlySpan<byte> s = bytes.Span;
            if (BinaryPrimitives.ReadUInt16LittleEndian(s) != 0xFFFE)
            {
                return false;
            }

            ushort element = BinaryPrimitives.ReadUInt16LittleEndian(s[2..]);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(s[4..]);
            if (element == 0xE0DD)
            {
                return !first;
            }

            if (element != 0xE000 || length > bytes.Length - 8)
            {
                return false;
            }

            ReadOnlyMemory<byte> value = bytes.Slice(8, (int)length);
            if (first)
            {
                for (int i = 0; i + 4 <= value.Length; i += 4)
                {
                    offsets.Add(BinaryPrimitives.ReadUInt32LittleEndian(value.Span[i..]));
                }

                first = false;
            }
            else
            {
                fragments.Add(value);
            }

            bytes = bytes[(8 + (int)length)..];
        }

        return !first && bytes.Length == 0;
    }

    private static void WriteItemHeader(ref Span<byte> s, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 0xE000);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], length);
        s = s[8..];
    }
}
