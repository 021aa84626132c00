using System.Buffers;
using System.Buffers.Binary;

namespace Edge.Dicom;

/// <summary>
/// Encodes datasets (PS3.5 §7): element headers for the chosen encoding, values padded to even length, sequences
/// with delimiters or with computed lengths, encapsulated pixel data as items, and group lengths recomputed.
/// </summary>
internal sealed class DicomDatasetEncoder(IBufferWriter<byte> sink, DicomEncoding encoding, DicomWriteOptions options)
{
    /// <summary>Chunk size for copying large values, so a 500 MB value never needs a 500 MB span from the sink.</summary>
    private const int CopyChunk = 64 * 1024;

    public void WriteDataset(DicomDataset dataset)
    {
        List<DicomItem> items = [.. dataset];
        for (int i = 0; i < items.Count; i++)
        {
            DicomItem item = items[i];
            if (item.Tag.IsGroupLength && item is DicomElement)
            {
                WriteGroupLength(item.Tag, GroupLengthAfter(items, i));
                continue;
            }

            WriteItem(item);
        }
    }

    public void WriteItem(DicomItem item)
    {
        switch (item)
        {
            case DicomElement element:
                WriteElement(element);
                break;
            case DicomSequence sequence:
                WriteSequence(sequence);
                break;
            case DicomFragmentSequence fragments:
                WriteFragments(fragments);
                break;
            default:
                throw new ArgumentException($"unsupported item type {item.GetType().Name}", nameof(item));
        }
    }

    /// <summary>Encoded size of a dataset's items (group lengths included) in this encoding.</summary>
    public long DatasetLength(DicomDataset dataset)
    {
        long total = 0;
        foreach (DicomItem item in dataset)
        {
            total += ItemLength(item);
        }

        return total;
    }

    public long ItemLength(DicomItem item) => item switch
    {
        DicomElement e when e.Tag.IsGroupLength => HeaderLength(DicomVR.UL) + 4,
        DicomElement e => HeaderLength(EffectiveVR(e.VR, e.ValueLength)) + Padded(e.ValueLength),
        DicomSequence s => HeaderLength(DicomVR.SQ) + SequenceBodyLength(s) + (options.DefinedLengthSequences ? 0 : 8),
        DicomFragmentSequence f => HeaderLength(f.VR) + FragmentsBodyLength(f),
        _ => 0,
    };

    private static long Padded(long length) => length + (length & 1);

    /// <summary>A value too long for a 16-bit length is sent as UN with a 32-bit length (PS3.5 §6.2.2).</summary>
    private DicomVR EffectiveVR(DicomVR vr, long length)
        => encoding.ExplicitVR && !vr.HasLongLength() && Padded(length) > ushort.MaxValue ? DicomVR.UN : vr == DicomVR.None ? DicomVR.UN : vr;

    private int HeaderLength(DicomVR vr) => !encoding.ExplicitVR ? 8 : vr.HasLongLength() ? 12 : 8;

    private long SequenceBodyLength(DicomSequence sequence)
    {
        long total = 0;
        foreach (DicomDataset item in sequence.Items)
        {
            total += 8 + DatasetLength(item) + (options.DefinedLengthSequences ? 0 : 8);
        }

        return total;
    }

    private static long FragmentsBodyLength(DicomFragmentSequence fragments)
    {
        long total = 8 + (fragments.BasicOffsetTable.Count * 4L) + 8;
        for (int i = 0; i < fragments.Fragments.Count; i++)
        {
            total += 8 + Padded(fragments.GetFragmentLength(i));
        }

        return total;
    }

    private long GroupLengthAfter(List<DicomItem> items, int index)
    {
        ushort group = items[index].Tag.Group;
        long total = 0;
        for (int i = index + 1; i < items.Count && items[i].Tag.Group == group; i++)
        {
            total += ItemLength(items[i]);
        }

        return total;
    }

    private void WriteGroupLength(DicomTag tag, long length)
    {
        Span<byte> value = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, checked((uint)length));
        WriteHeader(tag, DicomVR.UL, 4);
        WriteValue(value, DicomVR.UL, 4);
    }

    private void WriteElement(DicomElement element)
    {
        ReadOnlySpan<byte> value = element.RawValue.Span;
        DicomVR vr = EffectiveVR(element.VR, value.Length);
        long padded = Padded(value.Length);
        if (padded > uint.MaxValue - 1)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"value of {value.Length} bytes does not fit a 32-bit length", -1, element.Tag);
        }

        WriteHeader(element.Tag, vr, (uint)padded);
        WriteValue(value, element.VR, padded);
    }

    private void WriteValue(ReadOnlySpan<byte> value, DicomVR vr, long padded)
    {
        int swap = encoding.BigEndian ? vr.SwapSize() : 1;
        int length = value.Length;
        while (!value.IsEmpty)
        {
            int n = Math.Min(value.Length, CopyChunk);
            Span<byte> span = sink.GetSpan(n);
            value[..n].CopyTo(span);
            if (swap > 1)
            {
                ByteSwap.InPlace(span[..n], swap);
            }

            sink.Advance(n);
            value = value[n..];
        }

        if (padded > length)
        {
            // Odd values are padded to even length (PS3.5 §7.1.1): space for text, NUL for UI and binary.
            Span<byte> pad = sink.GetSpan(1);
            pad[0] = vr.IsString() && vr != DicomVR.UI ? (byte)' ' : (byte)0;
            sink.Advance(1);
        }
    }

    private void WriteSequence(DicomSequence sequence)
    {
        bool defined = options.DefinedLengthSequences;
        uint length = defined ? CheckedLength(SequenceBodyLength(sequence), sequence.Tag) : DicomElementHeader.UndefinedLength;
        WriteHeader(sequence.Tag, DicomVR.SQ, length);
        foreach (DicomDataset item in sequence.Items)
        {
            WriteTagAndLength(DicomTag.Item, defined ? CheckedLength(DatasetLength(item), sequence.Tag) : DicomElementHeader.UndefinedLength);
            WriteDataset(item);
            if (!defined)
            {
                WriteTagAndLength(DicomTag.ItemDelimitationItem, 0);
            }
        }

        if (!defined)
        {
            WriteTagAndLength(DicomTag.SequenceDelimitationItem, 0);
        }
    }

    private void WriteFragments(DicomFragmentSequence fragments)
    {
        // Encapsulated pixel data always has undefined length and a first item holding the offset table (PS3.5 §A.4).
        WriteHeader(fragments.Tag, fragments.VR == DicomVR.OW ? DicomVR.OW : DicomVR.OB, DicomElementHeader.UndefinedLength);
        IReadOnlyList<uint> table = fragments.BasicOffsetTable;
        WriteTagAndLength(DicomTag.Item, checked((uint)(table.Count * 4)));
        foreach (uint offset in table)
        {
            Span<byte> s = sink.GetSpan(4);
            if (encoding.BigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(s, offset);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(s, offset);
            }

            sink.Advance(4);
        }

        for (int i = 0; i < fragments.Fragments.Count; i++)
        {
            ReadOnlySpan<byte> fragment = fragments.Fragments[i].Span;
            long padded = Padded(fragment.Length);
            WriteTagAndLength(DicomTag.Item, (uint)padded);
            WriteValue(fragment, DicomVR.OB, padded);
        }

        WriteTagAndLength(DicomTag.SequenceDelimitationItem, 0);
    }

    private static uint CheckedLength(long length, DicomTag tag) => length < uint.MaxValue
        ? (uint)length
        : throw new DicomFormatException(DicomFormatError.InvalidLength, $"sequence of {length} bytes does not fit a 32-bit length", -1, tag);

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        if (!encoding.ExplicitVR)
        {
            WriteTagAndLength(tag, length);
            return;
        }

        bool longForm = vr.HasLongLength();
        Span<byte> s = sink.GetSpan(12);
        WriteTag(s, tag);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], (ushort)vr);
        if (longForm)
        {
            s[6] = 0;
            s[7] = 0;
            WriteUInt32(s[8..], length);
            sink.Advance(12);
        }
        else
        {
            if (encoding.BigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)length);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(s[6..], (ushort)length);
            }

            sink.Advance(8);
        }
    }

    private void WriteTagAndLength(DicomTag tag, uint length)
    {
        Span<byte> s = sink.GetSpan(8);
        WriteTag(s, tag);
        WriteUInt32(s[4..], length);
        sink.Advance(8);
    }

    private void WriteTag(Span<byte> s, DicomTag tag)
    {
        if (encoding.BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(s[2..], tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(s[2..], tag.Element);
        }
    }

    private void WriteUInt32(Span<byte> s, uint value)
    {
        if (encoding.BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, value);
        }
    }
}
