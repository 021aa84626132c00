using System.Buffers.Binary;
using System.Globalization;

namespace Edge.Dicom;

/// <summary>Typed setters; each replaces any existing element with the same tag.</summary>
public sealed partial class DicomDataset
{
    /// <summary>
    /// Sets a text element from its values (joined with '\' and encoded with this dataset's character set), or a
    /// binary numeric / AT element from the invariant text of its values.
    /// </summary>
    public void AddOrUpdate(DicomTag tag, DicomVR vr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (vr.IsString())
        {
            string text = vr.IsSingleValuedText() ? string.Concat(values) : string.Join('\\', values);
            byte[] bytes = tag == SpecificCharacterSetTag || !vr.UsesSpecificCharacterSet()
                ? DicomCharacterSet.Default.Encode(text, vr)
                : CharacterSet.Encode(text, vr);
            AddOrUpdate(new DicomElement(tag, vr, bytes));
            return;
        }

        switch (vr)
        {
            case DicomVR.US: SetUInt16(tag, [.. values.Select(v => ushort.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.SS: SetInt16(tag, [.. values.Select(v => short.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.UL: SetUInt32(tag, [.. values.Select(v => uint.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.SL: SetInt32(tag, [.. values.Select(v => int.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.SV: SetInt64(tag, [.. values.Select(v => long.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.UV: SetUInt64(tag, [.. values.Select(v => ulong.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.FL: SetSingle(tag, [.. values.Select(v => float.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.FD: SetDouble(tag, [.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))]); break;
            case DicomVR.AT:
                SetTags(tag, [.. values.Select(v => DicomTag.TryParse(v, out DicomTag t) ? t : throw new FormatException($"'{v}' is not a tag"))]);
                break;
            default:
                throw new ArgumentException($"VR {vr.Code()} cannot be set from text; use the raw-bytes overload", nameof(vr));
        }
    }

    /// <summary>Sets an element from little-endian value bytes.</summary>
    public void AddOrUpdate(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> raw)
    {
        if (vr == DicomVR.SQ)
        {
            throw new ArgumentException("use SetSequence for SQ", nameof(vr));
        }

        AddOrUpdate(new DicomElement(tag, vr, raw));
    }

    public void SetString(DicomTag tag, DicomVR vr, string value) => AddOrUpdate(tag, vr, value);

    public void SetUInt16(DicomTag tag, params ushort[] values) => SetBinary(tag, DicomVR.US, values, static (s, v) => BinaryPrimitives.WriteUInt16LittleEndian(s, v));

    public void SetInt16(DicomTag tag, params short[] values) => SetBinary(tag, DicomVR.SS, values, static (s, v) => BinaryPrimitives.WriteInt16LittleEndian(s, v));

    public void SetUInt32(DicomTag tag, params uint[] values) => SetBinary(tag, DicomVR.UL, values, static (s, v) => BinaryPrimitives.WriteUInt32LittleEndian(s, v));

    public void SetInt32(DicomTag tag, params int[] values) => SetBinary(tag, DicomVR.SL, values, static (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, v));

    public void SetInt64(DicomTag tag, params long[] values) => SetBinary(tag, DicomVR.SV, values, static (s, v) => BinaryPrimitives.WriteInt64LittleEndian(s, v));

    public void SetUInt64(DicomTag tag, params ulong[] values) => SetBinary(tag, DicomVR.UV, values, static (s, v) => BinaryPrimitives.WriteUInt64LittleEndian(s, v));

    public void SetSingle(DicomTag tag, params float[] values) => SetBinary(tag, DicomVR.FL, values, static (s, v) => BinaryPrimitives.WriteSingleLittleEndian(s, v));

    public void SetDouble(DicomTag tag, params double[] values) => SetBinary(tag, DicomVR.FD, values, static (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));

    /// <summary>DS values, each formatted in at most 16 characters.</summary>
    public void SetDecimalString(DicomTag tag, params double[] values)
        => AddOrUpdate(tag, DicomVR.DS, [.. values.Select(DicomValueCodec.FormatDecimal)]);

    /// <summary>IS values (PS3.5 limits IS to the 32-bit signed range).</summary>
    public void SetIntegerString(DicomTag tag, params int[] values)
        => AddOrUpdate(tag, DicomVR.IS, [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);

    public void SetTags(DicomTag tag, params DicomTag[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), values[i].Element);
        }

        AddOrUpdate(new DicomElement(tag, DicomVR.AT, bytes));
    }

    public void SetDate(DicomTag tag, DateOnly value) => AddOrUpdate(tag, DicomVR.DA, new DicomDate(value).ToString());

    public void SetTime(DicomTag tag, TimeOnly value, DicomDateTimePrecision precision = DicomDateTimePrecision.Fraction)
        => AddOrUpdate(tag, DicomVR.TM, new DicomTime(value, precision).ToString());

    public void SetDateTime(DicomTag tag, DateTime value, TimeSpan? offset = null)
        => AddOrUpdate(tag, DicomVR.DT, new DicomDateTime(value, offset, DicomDateTimePrecision.Fraction).ToString());

    public void SetPersonName(DicomTag tag, params DicomPersonName[] names)
        => AddOrUpdate(tag, DicomVR.PN, [.. names.Select(n => n.ToString())]);

    /// <summary>Sets a sequence; each item becomes a child of this dataset for character-set inheritance.</summary>
    public DicomSequence SetSequence(DicomTag tag, params DicomDataset[] items)
    {
        var sequence = new DicomSequence(tag, items);
        AddOrUpdate(sequence);
        return sequence;
    }

    private void SetBinary<T>(DicomTag tag, DicomVR vr, T[] values, Action<Span<byte>, T> write)
    {
        ArgumentNullException.ThrowIfNull(values);
        int size = vr.ValueSize();
        byte[] bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            write(bytes.AsSpan(i * size, size), values[i]);
        }

        AddOrUpdate(new DicomElement(tag, vr, bytes));
    }
}
