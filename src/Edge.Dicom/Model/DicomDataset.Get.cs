using System.Buffers.Binary;
using System.Globalization;

namespace Edge.Dicom;

/// <summary>Typed getters. None throws for a missing or malformed value: they return null, empty or false.</summary>
public sealed partial class DicomDataset
{
    public DicomElement? GetElement(DicomTag tag) => this[tag] as DicomElement;

    public DicomSequence? GetSequence(DicomTag tag) => this[tag] as DicomSequence;

    /// <summary>
    /// The whole value as text with padding removed: text VRs decoded with the character set, binary numbers
    /// and AT formatted invariantly and joined by '\'. Null when absent or not representable as text.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        if (this[tag] is not DicomElement element)
        {
            return null;
        }

        if (element.VR.IsString())
        {
            string text = CharacterSet.Decode(element.RawValue.Span, element.VR);
            return DicomValueCodec.TrimText(text, element.VR);
        }

        if (DicomValueCodec.IsBinaryNumber(element.VR) || element.VR == DicomVR.AT)
        {
            return string.Join('\\', FormatBinaryValues(element));
        }

        return null;
    }

    /// <summary>Each backslash-separated value (text VRs other than LT/ST/UT/UR), padding removed.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        if (this[tag] is not DicomElement element)
        {
            return [];
        }

        if (element.VR.IsString())
        {
            return DecodeStrings(element, CharacterSet);
        }

        return DicomValueCodec.IsBinaryNumber(element.VR) || element.VR == DicomVR.AT ? FormatBinaryValues(element) : [];
    }

    /// <summary>Number of values (VM) of an element as stored; 0 when absent or empty.</summary>
    public int GetValueCount(DicomTag tag)
    {
        DicomItem? item = this[tag];
        return item switch
        {
            DicomSequence s => s.Items.Count,
            DicomFragmentSequence => 1,
            DicomElement e when e.VR.IsString() => e.VR.IsSingleValuedText()
                ? (e.RawValue.Span.Trim(" \0"u8).IsEmpty ? 0 : 1)
                : DicomValueCodec.CountStringValues(e.RawValue.Span),
            DicomElement e when e.VR.ValueSize() > 0 && e.VR != DicomVR.OB && e.VR != DicomVR.UN && !IsOtherBinary(e.VR)
                => (int)(e.ValueLength / e.VR.ValueSize()),
            DicomElement e => e.ValueLength > 0 ? 1 : 0,
            _ => 0,
        };
    }

    /// <summary>Value <paramref name="index"/> as a double: DS, IS and every binary numeric VR.</summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        if (this[tag] is not DicomElement element)
        {
            return false;
        }

        ReadOnlySpan<byte> raw = element.RawValue.Span;
        switch (element.VR)
        {
            case DicomVR.DS:
                return DicomValueCodec.TrySliceValue(raw, index, out ReadOnlySpan<byte> ds) && DicomValueCodec.TryParseDecimal(ds, out value);
            case DicomVR.IS:
                if (DicomValueCodec.TrySliceValue(raw, index, out ReadOnlySpan<byte> isValue) && DicomValueCodec.TryParseInteger(isValue, out long l))
                {
                    value = l;
                    return true;
                }

                return false;
            default:
                return DicomValueCodec.TryReadBinary(raw, element.VR, index, out value);
        }
    }

    public bool TryGetSingle(DicomTag tag, out float value, int index = 0)
    {
        bool ok = TryGetDouble(tag, out double d, index);
        value = (float)d;
        return ok;
    }

    /// <summary>Value <paramref name="index"/> as an integer: IS, integer binary VRs, and DS/FL/FD when integral.</summary>
    public bool TryGetInt64(DicomTag tag, out long value, int index = 0)
    {
        value = 0;
        if (this[tag] is not DicomElement element)
        {
            return false;
        }

        ReadOnlySpan<byte> raw = element.RawValue.Span;
        switch (element.VR)
        {
            case DicomVR.IS:
                return DicomValueCodec.TrySliceValue(raw, index, out ReadOnlySpan<byte> s) && DicomValueCodec.TryParseInteger(s, out value);
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV or DicomVR.UV:
                return DicomValueCodec.TryReadBinaryInteger(raw, element.VR, index, out value);
            default:
                if (TryGetDouble(tag, out double d, index) && d == Math.Floor(d) && d >= long.MinValue && d < 9.2233720368547758E18)
                {
                    value = (long)d;
                    return true;
                }

                return false;
        }
    }

    public bool TryGetInt32(DicomTag tag, out int value, int index = 0)
    {
        bool ok = TryGetInt64(tag, out long l, index) && l is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)l : 0;
        return ok;
    }

    public bool TryGetUInt16(DicomTag tag, out ushort value, int index = 0)
    {
        bool ok = TryGetInt64(tag, out long l, index) && l is >= 0 and <= ushort.MaxValue;
        value = ok ? (ushort)l : (ushort)0;
        return ok;
    }

    public bool TryGetUInt32(DicomTag tag, out uint value, int index = 0)
    {
        bool ok = TryGetInt64(tag, out long l, index) && l is >= 0 and <= uint.MaxValue;
        value = ok ? (uint)l : 0;
        return ok;
    }

    /// <summary>Every value as a double; empty when absent or when any value does not parse.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        int count = GetValueCount(tag);
        if (count == 0 || this[tag] is not DicomElement element || !(DicomValueCodec.IsBinaryNumber(element.VR) || DicomValueCodec.IsNumericString(element.VR)))
        {
            return [];
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (!TryGetDouble(tag, out values[i], i))
            {
                return [];
            }
        }

        return values;
    }

    /// <summary>Every value as an int; empty when absent or when any value does not fit.</summary>
    public int[] GetInt32s(DicomTag tag)
    {
        int count = GetValueCount(tag);
        if (count == 0 || this[tag] is not DicomElement element || !(DicomValueCodec.IsBinaryNumber(element.VR) || DicomValueCodec.IsNumericString(element.VR)))
        {
            return [];
        }

        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (!TryGetInt32(tag, out values[i], i))
            {
                return [];
            }
        }

        return values;
    }

    public DicomPersonName? GetPersonName(DicomTag tag)
    {
        string[] values = GetStrings(tag);
        return values.Length > 0 ? DicomPersonName.Parse(values[0]) : null;
    }

    public DicomPersonName[] GetPersonNames(DicomTag tag) => [.. GetStrings(tag).Select(DicomPersonName.Parse)];

    public DicomDate? GetDate(DicomTag tag, int index = 0)
    {
        string[] values = GetStrings(tag);
        return index < values.Length && DicomDate.TryParse(values[index], out DicomDate d) ? d : null;
    }

    public DicomTime? GetTime(DicomTag tag, int index = 0)
    {
        string[] values = GetStrings(tag);
        return index < values.Length && DicomTime.TryParse(values[index], out DicomTime t) ? t : null;
    }

    public DicomDateTime? GetDateTime(DicomTag tag, int index = 0)
    {
        string[] values = GetStrings(tag);
        return index < values.Length && DicomDateTime.TryParse(values[index], out DicomDateTime t) ? t : null;
    }

    /// <summary>Combines a DA and a TM element (e.g. AcquisitionDate and AcquisitionTime) into one local time.</summary>
    public DateTime? GetDateTime(DicomTag dateTag, DicomTag timeTag)
    {
        if (GetDate(dateTag) is not { } date)
        {
            return null;
        }

        TimeOnly time = GetTime(timeTag)?.Value ?? TimeOnly.MinValue;
        return date.Value.ToDateTime(time, DateTimeKind.Unspecified);
    }

    /// <summary>The tags of an AT element.</summary>
    public DicomTag[] GetTags(DicomTag tag)
    {
        if (this[tag] is not DicomElement { VR: DicomVR.AT } element)
        {
            return [];
        }

        ReadOnlySpan<byte> raw = element.RawValue.Span;
        var tags = new DicomTag[raw.Length / 4];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(raw[((i * 4) + 2)..]));
        }

        return tags;
    }

    /// <summary>The private creator that reserved the block of a private tag, e.g. (0029,1010) → (0029,0010).</summary>
    public string? PrivateCreatorOf(DicomTag tag)
    {
        if (!tag.IsPrivate || tag.Element < 0x1000)
        {
            return null;
        }

        return GetString(new DicomTag(tag.Group, (ushort)(tag.Element >> 8)));
    }

    internal static string[] DecodeStrings(DicomElement element, DicomCharacterSet characterSet)
    {
        ReadOnlySpan<byte> raw = element.RawValue.Span;
        if (raw.Trim(" \0"u8).IsEmpty)
        {
            return [];
        }

        string text = characterSet.Decode(raw, element.VR);
        if (element.VR.IsSingleValuedText())
        {
            return [DicomValueCodec.TrimText(text, element.VR)];
        }

        string[] parts = text.Split('\\');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = DicomValueCodec.TrimText(parts[i], element.VR);
        }

        return parts;
    }

    private static bool IsOtherBinary(DicomVR vr) => vr is DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV;

    private static string[] FormatBinaryValues(DicomElement element)
    {
        ReadOnlySpan<byte> raw = element.RawValue.Span;
        if (element.VR == DicomVR.AT)
        {
            var tags = new string[raw.Length / 4];
            for (int i = 0; i < tags.Length; i++)
            {
                tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(raw[((i * 4) + 2)..])).ToString();
            }

            return tags;
        }

        int count = DicomValueCodec.BinaryCount(element.VR, raw.Length);
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = FormatBinary(raw, element.VR, i);
        }

        return values;
    }

    internal static string FormatBinary(ReadOnlySpan<byte> raw, DicomVR vr, int index)
    {
        if (vr is DicomVR.FL or DicomVR.FD)
        {
            DicomValueCodec.TryReadBinary(raw, vr, index, out double d);
            return vr == DicomVR.FL ? ((float)d).ToString("R", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
        }

        if (vr == DicomVR.UV)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(raw[(index * 8)..]).ToString(CultureInfo.InvariantCulture);
        }

        DicomValueCodec.TryReadBinaryInteger(raw, vr, index, out long l);
        return l.ToString(CultureInfo.InvariantCulture);
    }
}
