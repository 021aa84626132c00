namespace Edge.Dicom;

/// <summary>Sequences, items and encapsulated pixel data.</summary>
internal sealed partial class DicomParser
{
    /// <summary>Reads a sequence value; <paramref name="length"/> is -1 for an undefined length.</summary>
    private DicomSequence ReadSequence(DicomDataset owner, DicomEncoding encoding, DicomTag tag, long length)
    {
        if (++_depth > options.MaxNestingDepth)
        {
            throw new DicomFormatException(DicomFormatError.NestingTooDeep, $"sequences nest deeper than {options.MaxNestingDepth}", input.Position, tag);
        }

        // The owner is linked before the items are read so that they inherit its character set while parsing.
        var sequence = new DicomSequence(tag);
        owner.AddOrUpdate(sequence);
        long end = length < 0 ? -1 : input.Position + length;
        while (true)
        {
            if (end >= 0 && input.Position >= end)
            {
                if (input.Position > end)
                {
                    throw new DicomFormatException(DicomFormatError.InvalidLength, "an item overruns the end of its sequence", input.Position, tag);
                }

                break;
            }

            if (end >= 0 && lenientContainers && !input.TryEnsure(1))
            {
                Warn($"data ends at offset {input.Position}, inside sequence {tag} declared to end at {end}; read as ending there");
                break;
            }

            (DicomTag itemTag, uint itemLength) = ReadItemHeader(encoding, tag);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                if (end >= 0)
                {
                    Warn($"sequence delimitation item inside the defined-length sequence {tag} ended it early");
                }

                break;
            }

            if (itemTag == DicomTag.ItemDelimitationItem && itemLength == 0)
            {
                Warn($"stray item delimitation item in sequence {tag} ignored");
                continue;
            }

            if (itemTag != DicomTag.Item)
            {
                throw new DicomFormatException(DicomFormatError.UnexpectedTag, $"expected an item in sequence {tag}, found {itemTag}", input.Position - 8, tag);
            }

            var item = new DicomDataset();
            sequence.Items.Add(item);
            if (itemLength == DicomElementHeader.UndefinedLength)
            {
                ReadDataset(item, encoding, end: -1, undefinedItem: true, uint.MaxValue, topLevel: false);
            }
            else
            {
                long itemEnd = input.Position + CheckContainerLength(itemLength, end, tag);
                ReadDataset(item, encoding, itemEnd, undefinedItem: false, uint.MaxValue, topLevel: false);
            }
        }

        _depth--;
        return sequence;
    }

    /// <summary>Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table item, then one item per fragment.</summary>
    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr, DicomEncoding encoding, long end)
    {
        var offsets = new List<uint>();
        var fragments = new DicomFragmentList();
        bool first = true;
        bool deferAll = input.IsFile && !options.ReadPixelData && IsPixelDataTag(tag);
        while (true)
        {
            (DicomTag itemTag, uint length) = ReadItemHeader(encoding, tag);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (itemTag != DicomTag.Item)
            {
                throw new DicomFormatException(DicomFormatError.UnexpectedTag, $"expected a fragment item in encapsulated pixel data, found {itemTag}", input.Position - 8, tag);
            }

            if (length == DicomElementHeader.UndefinedLength)
            {
                throw new DicomFormatException(DicomFormatError.InvalidLength, "a fragment item has undefined length", input.Position - 4, tag);
            }

            CheckLength(length, end, tag);
            if (first)
            {
                first = false;
                ReadOnlySpan<byte> table = input.ReadValue(length, 1, tag).Span;
                for (int i = 0; i + 4 <= table.Length; i += 4)
                {
                    offsets.Add(ReadUInt32(table[i..], encoding));
                }

                continue;
            }

            if (deferAll || (input.IsFile && length > options.BulkDataThreshold))
            {
                fragments.Add(input.Defer(length, 1, tag));
            }
            else
            {
                fragments.Add(input.ReadValue(length, 1, tag));
            }
        }

        return new DicomFragmentSequence(tag, vr, offsets, fragments);
    }

    private (DicomTag Tag, uint Length) ReadItemHeader(DicomEncoding encoding, DicomTag context)
    {
        if (!input.TryEnsure(8))
        {
            throw input.Truncated(8, context);
        }

        ReadOnlySpan<byte> s = input.Peek(8);
        DicomTag tag = ReadTag(s, encoding);
        uint length = ReadUInt32(s[4..], encoding);
        input.Advance(8);
        return (tag, length);
    }
}
