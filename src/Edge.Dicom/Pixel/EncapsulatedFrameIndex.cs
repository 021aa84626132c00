namespace Edge.Dicom;

/// <summary>
/// Which fragments of encapsulated pixel data make up each frame (PS3.5 §A.4). In order of trust: one frame,
/// one fragment per frame, the Extended Offset Table, the Basic Offset Table, and for JPEG the EOI marker that
/// ends each frame's last fragment. Offsets are checked against the real fragment boundaries, never trusted.
/// </summary>
internal sealed class EncapsulatedFrameIndex
{
    // Each fragment is an item: tag (4 bytes) + length (4 bytes) + value (PS3.5 §A.4).
    private const int ItemHeaderLength = 8;

    private readonly int[] _first;
    private readonly int[] _count;

    private EncapsulatedFrameIndex(int[] first, int[] count)
    {
        _first = first;
        _count = count;
    }

    public (int First, int Count) this[int frame] => (_first[frame], _count[frame]);

    public static EncapsulatedFrameIndex Build(DicomFragmentSequence sequence, DicomDataset dataset, int frames, bool endsWithJpegEoi)
    {
        int fragments = sequence.Fragments.Count;
        if (fragments == 0)
        {
            throw Invalid("encapsulated Pixel Data has no fragments");
        }

        if (frames == 1)
        {
            return new EncapsulatedFrameIndex([0], [fragments]);
        }

        if (fragments == frames)
        {
            return new EncapsulatedFrameIndex([.. Enumerable.Range(0, frames)], [.. Enumerable.Repeat(1, frames)]);
        }

        if (fragments < frames)
        {
            throw Invalid($"encapsulated Pixel Data has {fragments} fragments for {frames} frames; a fragment never holds more than one frame");
        }

        long[] fragmentOffsets = new long[fragments + 1];
        for (int i = 0; i < fragments; i++)
        {
            fragmentOffsets[i + 1] = fragmentOffsets[i] + ItemHeaderLength + sequence.GetFragmentLength(i);
        }

        long[]? offsets = ExtendedOffsets(dataset, frames) ?? BasicOffsets(sequence, frames);
        if (offsets is not null && TryFromOffsets(offsets, fragmentOffsets, out EncapsulatedFrameIndex? fromOffsets))
        {
            return fromOffsets!;
        }

        if (endsWithJpegEoi && TryFromEoiMarkers(sequence, frames, out EncapsulatedFrameIndex? fromMarkers))
        {
            return fromMarkers!;
        }

        throw Invalid($"cannot tell which of {fragments} fragments belong to which of {frames} frames: no usable offset table{(endsWithJpegEoi ? " and no JPEG EOI marker at each frame's end" : string.Empty)}");
    }

    private static long[]? ExtendedOffsets(DicomDataset dataset, int frames)
    {
        // Extended Offset Table (7FE0,0001) OV: 64-bit offsets of each frame's first fragment item (PS3.5 §A.4).
        if (dataset[DicomTags.ExtendedOffsetTable] is not DicomElement element || element.ValueLength != (long)frames * 8)
        {
            return null;
        }

        ReadOnlySpan<byte> raw = element.RawValue.Span;
        long[] offsets = new long[frames];
        for (int i = 0; i < frames; i++)
        {
            ulong value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(raw[(8 * i)..]);
            offsets[i] = value > long.MaxValue ? -1 : (long)value;
        }

        return offsets;
    }

    private static long[]? BasicOffsets(DicomFragmentSequence sequence, int frames) =>
        sequence.BasicOffsetTable.Count == frames ? [.. sequence.BasicOffsetTable.Select(o => (long)o)] : null;

    private static bool TryFromOffsets(long[] offsets, long[] fragmentOffsets, out EncapsulatedFrameIndex? index)
    {
        index = null;
        int frames = offsets.Length;
        int fragments = fragmentOffsets.Length - 1;
        var first = new int[frames];
        for (int f = 0; f < frames; f++)
        {
            int at = Array.BinarySearch(fragmentOffsets, 0, fragments, offsets[f]);
            if (at < 0 || (f == 0 && at != 0) || (f > 0 && at <= first[f - 1]))
            {
                return false;
            }

            first[f] = at;
        }

        index = FromFirstFragments(first, fragments);
        return true;
    }

    private static bool TryFromEoiMarkers(DicomFragmentSequence sequence, int frames, out EncapsulatedFrameIndex? index)
    {
        index = null;
        var first = new List<int>(frames) { 0 };
        int fragments = sequence.Fragments.Count;
        for (int i = 0; i < fragments; i++)
        {
            if (EndsWithEoi(sequence.Fragments[i].Span) && i + 1 < fragments)
            {
                first.Add(i + 1);
            }
        }

        if (first.Count != frames)
        {
            return false;
        }

        index = FromFirstFragments([.. first], fragments);
        return true;
    }

    /// <summary>Each frame runs from its first fragment to the next frame's first (the last to the end).</summary>
    private static EncapsulatedFrameIndex FromFirstFragments(int[] first, int fragments)
    {
        var count = new int[first.Length];
        for (int f = 0; f < first.Length; f++)
        {
            count[f] = (f + 1 < first.Length ? first[f + 1] : fragments) - first[f];
        }

        return new EncapsulatedFrameIndex(first, count);
    }

    /// <summary>JPEG streams end with EOI (FFD9); fragments are padded to even length with a trailing zero.</summary>
    private static bool EndsWithEoi(ReadOnlySpan<byte> fragment)
    {
        fragment = fragment.TrimEnd((byte)0);
        return fragment.Length >= 2 && fragment[^2] == 0xFF && fragment[^1] == 0xD9;
    }

    private static DicomFormatException Invalid(string reason) => new(DicomFormatError.InvalidValue, reason, -1, DicomTags.PixelData);
}
