using System.Buffers.Binary;

namespace Edge.Dicom;

/// <summary>
/// Recursive-descent parser of a dataset (PS3.5 §7): elements, sequences of defined and undefined length,
/// encapsulated pixel data walked by item lengths. Every length is checked against the bytes that remain and
/// the enclosing item before it is used; nesting is bounded by <see cref="DicomReadOptions.MaxNestingDepth"/>.
/// </summary>
internal sealed partial class DicomParser(DicomInput input, DicomReadOptions options, List<string> warnings, bool lenientContainers)
{
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    /// <summary>Passed as the stop tag to read only group 0002 (the file meta information).</summary>
    public const uint MetaGroupOnly = 0x00030000;

    /// <summary>Enough to diagnose a file; a hostile one cannot grow the list with its size.</summary>
    private const int MaxWarnings = 100;

    private int _depth;

    /// <summary>Offset of the top-level pixel data value, or -1.</summary>
    public long PixelDataOffset { get; private set; } = -1;

    /// <summary>Reads a top-level dataset to the end of input, or until a tag at or above <paramref name="stopAt"/>.</summary>
    public void ReadTopLevel(DicomDataset dataset, DicomEncoding encoding, uint stopAt)
        => ReadDataset(dataset, encoding, end: -1, undefinedItem: false, stopAt, topLevel: true);

    private static bool IsPixelDataTag(DicomTag tag) => tag.Group == 0x7FE0 && tag.Element is 0x0008 or 0x0009 or 0x0010;

    private void ReadDataset(DicomDataset dataset, DicomEncoding encoding, long end, bool undefinedItem, uint stopAt, bool topLevel)
    {
        while (true)
        {
            if (end >= 0 && input.Position >= end)
            {
                if (input.Position > end)
                {
                    throw new DicomFormatException(DicomFormatError.InvalidLength, "an element overruns the end of its item", input.Position, null);
                }

                return;
            }

            if (!input.TryEnsure(8))
            {
                if (input.Buffered == 0 && (topLevel || (end >= 0 && lenientContainers)))
                {
                    if (!topLevel)
                    {
                        Warn($"data ends at offset {input.Position}, inside an item declared to end at {end}; read as ending there");
                    }

                    return;
                }

                throw input.Truncated(8, null);
            }

            if (stopAt != uint.MaxValue && PeekTag(encoding) is var next && (next.Value >= stopAt || (stopAt == MetaGroupOnly && next.Group != 0x0002)))
            {
                return;
            }

            DicomElementHeader header = ParseHeader(dataset, encoding);
            if (header.Tag.Group == 0xFFFE)
            {
                input.Advance(8);
                if (header.Tag == DicomTag.ItemDelimitationItem)
                {
                    if (undefinedItem || end >= 0)
                    {
                        return;
                    }

                    Warn($"stray item delimitation item at offset {input.Position - 8} ignored");
                    continue;
                }

                if (header.Tag == DicomTag.SequenceDelimitationItem && topLevel)
                {
                    Warn($"stray sequence delimitation item at offset {input.Position - 8} ignored");
                    continue;
                }

                throw new DicomFormatException(DicomFormatError.UnexpectedTag, $"unexpected {header.Tag} inside a dataset", input.Position - 8, header.Tag);
            }

            if (topLevel && !options.ReadPixelData && IsPixelDataTag(header.Tag) && !input.IsFile && !input.IsMemory)
            {
                // A stream cannot leave the value behind to load later: a header-only read ends here.
                PixelDataOffset = input.Position + header.HeaderLength;
                return;
            }

            ReadElement(dataset, encoding, header, end, topLevel);
        }
    }

    private void Warn(string warning)
    {
        if (warnings.Count < MaxWarnings)
        {
            warnings.Add(warning);
        }
    }

    private DicomTag PeekTag(DicomEncoding encoding) => ReadTag(input.Peek(4), encoding);

    private static DicomTag ReadTag(ReadOnlySpan<byte> s, DicomEncoding encoding) => encoding.BigEndian
        ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(s), BinaryPrimitives.ReadUInt16BigEndian(s[2..]))
        : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]));

    private static uint ReadUInt32(ReadOnlySpan<byte> s, DicomEncoding encoding)
        => encoding.BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

    private DicomElementHeader ParseHeader(DicomDataset dataset, DicomEncoding encoding)
    {
        ReadOnlySpan<byte> s = input.Peek(8);
        DicomTag tag = ReadTag(s, encoding);

        // Items and delimiters never carry a VR, in any transfer syntax (PS3.5 §7.5).
        if (tag.Group == 0xFFFE || !encoding.ExplicitVR)
        {
            uint length = ReadUInt32(s[4..], encoding);
            DicomVR vr = tag.Group == 0xFFFE ? DicomVR.None : ImplicitVR(dataset, tag);
            return new DicomElementHeader(tag, vr, length, 8);
        }

        ushort code = BinaryPrimitives.ReadUInt16BigEndian(s[4..]);
        bool known = DicomVRExtensions.TryParse(code, out DicomVR explicitVR);
        if (!known)
        {
            if (!IsUpper(s[4]) || !IsUpper(s[5]))
            {
                throw new DicomFormatException(DicomFormatError.InvalidVR, $"bytes 0x{s[4]:X2} 0x{s[5]:X2} are not a VR", input.Position + 4, tag);
            }

            // A VR from a later edition: every VR added since 2007 uses the 32-bit length form (PS3.5 §7.1.2).
            Warn($"unknown VR '{(char)s[4]}{(char)s[5]}' in {tag} read as UN");
            explicitVR = DicomVR.UN;
        }

        if (!known || explicitVR.HasLongLength())
        {
            if (!input.TryEnsure(12))
            {
                throw input.Truncated(12, tag);
            }

            s = input.Peek(12);
            uint length = ReadUInt32(s[8..], encoding);
            return new DicomElementHeader(tag, explicitVR, length, 12);
        }

        uint shortLength = encoding.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[6..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[6..]);
        return new DicomElementHeader(tag, explicitVR, shortLength, 8);
    }

    private static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    /// <summary>Implicit VR: the data dictionary decides, and the private dictionary for private tags.</summary>
    private static DicomVR ImplicitVR(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsPrivate && tag.Element >= 0x1000)
        {
            string? creator = dataset.PrivateCreatorOf(tag);
            return creator is not null && DicomDictionary.TryGetPrivateVR(creator, tag, out DicomVR privateVR) ? privateVR : DicomVR.UN;
        }

        DicomVR vr = DicomDictionary.GetDefaultVR(tag);
        return vr == DicomVR.None ? DicomVR.UN : vr;
    }

    private void ReadElement(DicomDataset dataset, DicomEncoding encoding, DicomElementHeader header, long end, bool topLevel)
    {
        long headerStart = input.Position;
        input.Advance(header.HeaderLength);
        DicomTag tag = header.Tag;
        DicomVR vr = header.VR;
        if (header.IsUndefinedLength)
        {
            ReadUndefinedLength(dataset, encoding, tag, vr, end, headerStart, topLevel);
            return;
        }

        long length = header.Length;
        if (vr == DicomVR.SQ)
        {
            ReadSequence(dataset, encoding, tag, CheckContainerLength(length, end, tag));
            return;
        }

        if (vr == DicomVR.UN && encoding.ExplicitVR && IsKnownSequence(dataset, tag))
        {
            // A sequence sent as UN keeps its implicit VR little endian encoding (CP-246).
            ReadSequence(dataset, DicomEncoding.ImplicitLittle, tag, CheckContainerLength(length, end, tag));
            return;
        }

        if (vr == DicomVR.UN && encoding.ExplicitVR)
        {
            // UN values are implicit VR little endian encodings, so a VR the dictionary knows can be restored
            // (PS3.5 §6.2.2); readers downstream then see Rows as US rather than four opaque bytes.
            vr = ResolveImplicitVR(dataset, tag, ImplicitVR(dataset, tag));
        }
        else if (!encoding.ExplicitVR)
        {
            vr = ResolveImplicitVR(dataset, tag, vr);
        }

        CheckLength(length, end, tag);
        if (topLevel && tag == PixelData)
        {
            PixelDataOffset = input.Position;
        }

        int swap = encoding.BigEndian && header.VR != DicomVR.UN ? vr.SwapSize() : 1;
        bool defer = input.IsFile && (length > options.BulkDataThreshold || (!options.ReadPixelData && IsPixelDataTag(tag)));
        DicomElement element = defer
            ? new DicomElement(tag, vr, input.Defer(length, swap, tag))
            : new DicomElement(tag, vr, input.ReadValue(length, swap, tag));
        dataset.AddOrUpdate(element);
    }

    private void ReadUndefinedLength(DicomDataset dataset, DicomEncoding encoding, DicomTag tag, DicomVR vr, long end, long headerStart, bool topLevel)
    {
        if (vr == DicomVR.SQ)
        {
            ReadSequence(dataset, encoding, tag, -1);
        }
        else if (tag == PixelData || (encoding.ExplicitVR && vr is DicomVR.OB or DicomVR.OW))
        {
            if (topLevel && tag == PixelData)
            {
                PixelDataOffset = input.Position;
            }

            // Encapsulated pixel data is OB (PS3.5 §A.4); an explicit OW from a lax writer is kept as written.
            dataset.AddOrUpdate(ReadFragments(tag, encoding.ExplicitVR && vr == DicomVR.OW ? DicomVR.OW : DicomVR.OB, encoding, end));
        }
        else if (vr == DicomVR.UN || !encoding.ExplicitVR)
        {
            // UN of undefined length holds a sequence in implicit VR little endian (CP-246); in implicit VR an
            // undefined length can only be a sequence.
            ReadSequence(dataset, DicomEncoding.ImplicitLittle, tag, -1);
        }
        else
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"undefined length is not allowed for VR {vr.Code()}", headerStart, tag);
        }
    }

    private static bool IsKnownSequence(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsPrivate)
        {
            string? creator = tag.Element >= 0x1000 ? dataset.PrivateCreatorOf(tag) : null;
            return creator is not null && DicomDictionary.TryGetPrivateVR(creator, tag, out DicomVR vr) && vr == DicomVR.SQ;
        }

        return DicomDictionary.GetDefaultVR(tag) == DicomVR.SQ;
    }

    /// <summary>
    /// In a file, a sequence or item that claims more bytes than remain is read up to the end of the data with a
    /// warning, as pydicom and dcmtk do: writers that drop elements without fixing container lengths produce such
    /// files, and no value is lost. A value that is cut short is still an error, and so is any overrun in a bare
    /// dataset (network), where it means the dataset is incomplete.
    /// </summary>
    private long CheckContainerLength(long length, long end, DicomTag tag)
    {
        if (length > input.Remaining && !lenientContainers)
        {
            throw input.Truncated(length, tag);
        }

        if (length > input.Remaining)
        {
            Warn($"{tag} declares {length} bytes but only {input.Remaining} remain; read to the end of the data");
            length = input.Remaining;
        }

        if (end >= 0 && input.Position + length > end)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"length {length} overruns the enclosing item", input.Position, tag);
        }

        return length;
    }

    /// <summary>A defined length must fit in what remains of the input and of the enclosing item.</summary>
    private void CheckLength(long length, long end, DicomTag tag)
    {
        if (length > input.Remaining)
        {
            throw input.Truncated(length, tag);
        }

        if (end >= 0 && input.Position + length > end)
        {
            throw new DicomFormatException(DicomFormatError.InvalidLength, $"value length {length} overruns the enclosing item", input.Position, tag);
        }
    }
}
