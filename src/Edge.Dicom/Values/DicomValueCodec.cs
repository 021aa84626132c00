using System.Buffers.Binary;
using System.Globalization;

namespace Edge.Dicom;

/// <summary>Value-level decoding shared by the typed getters, the JSON writer and the dump.</summary>
internal static class DicomValueCodec
{
    private const byte Backslash = (byte)'\\';

    /// <summary>Number of values a binary numeric VR holds (PS3.5 §6.4: the length is a multiple of the size).</summary>
    public static int BinaryCount(DicomVR vr, int length)
    {
        int size = vr.ValueSize();
        return size == 0 ? 0 : length / size;
    }

    public static bool IsBinaryNumber(DicomVR vr) => vr is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL
        or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV;

    public static bool IsNumericString(DicomVR vr) => vr is DicomVR.DS or DicomVR.IS;

    /// <summary>The bytes of value <paramref name="index"/>; false when the VR is not binary or the value lies past the end.</summary>
    private static bool TrySliceBinaryValue(ReadOnlySpan<byte> raw, DicomVR vr, int index, out ReadOnlySpan<byte> value)
    {
        int size = vr.ValueSize();
        if (size == 0 || index < 0 || (long)(index + 1) * size > raw.Length)
        {
            value = default;
            return false;
        }

        value = raw.Slice(index * size, size);
        return true;
    }

    /// <summary>US, SS, UL, SL and SV: every one fits a long exactly.</summary>
    private static long ReadInteger(DicomVR vr, ReadOnlySpan<byte> v) => vr switch
    {
        DicomVR.US => BinaryPrimitives.ReadUInt16LittleEndian(v),
        DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(v),
        DicomVR.UL => BinaryPrimitives.ReadUInt32LittleEndian(v),
        DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(v),
        _ => BinaryPrimitives.ReadInt64LittleEndian(v),
    };

    /// <summary>Reads value <paramref name="index"/> of a little-endian binary numeric VR.</summary>
    public static bool TryReadBinary(ReadOnlySpan<byte> raw, DicomVR vr, int index, out double value)
    {
        value = 0;
        if (!TrySliceBinaryValue(raw, vr, index, out ReadOnlySpan<byte> v))
        {
            return false;
        }

        switch (vr)
        {
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV:
                value = ReadInteger(vr, v);
                return true;
            case DicomVR.FL: value = BinaryPrimitives.ReadSingleLittleEndian(v); return true;
            case DicomVR.FD: value = BinaryPrimitives.ReadDoubleLittleEndian(v); return true;
            case DicomVR.UV: value = BinaryPrimitives.ReadUInt64LittleEndian(v); return true;
            default: return false;
        }
    }

    /// <summary>Reads value <paramref name="index"/> of an integer VR exactly (no double round trip).</summary>
    public static bool TryReadBinaryInteger(ReadOnlySpan<byte> raw, DicomVR vr, int index, out long value)
    {
        value = 0;
        if (!TrySliceBinaryValue(raw, vr, index, out ReadOnlySpan<byte> v))
        {
            return false;
        }

        switch (vr)
        {
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV:
                value = ReadInteger(vr, v);
                return true;
            case DicomVR.UV:
                ulong u = BinaryPrimitives.ReadUInt64LittleEndian(v);
                value = (long)u;
                return u <= long.MaxValue;
            default: return false;
        }
    }

    /// <summary>The <paramref name="index"/>th backslash-separated value of an ASCII string VR, padding trimmed.</summary>
    public static bool TrySliceValue(ReadOnlySpan<byte> raw, int index, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (index < 0)
        {
            return false;
        }

        int current = 0;
        while (true)
        {
            int next = raw.IndexOf(Backslash);
            ReadOnlySpan<byte> part = next < 0 ? raw : raw[..next];
            if (current == index)
            {
                value = part.Trim(" \0"u8);
                return true;
            }

            if (next < 0)
            {
                return false;
            }

            raw = raw[(next + 1)..];
            current++;
        }
    }

    /// <summary>Number of backslash-separated values; an empty (or all-padding) value has none.</summary>
    public static int CountStringValues(ReadOnlySpan<byte> raw)
    {
        if (raw.Trim(" \0"u8).IsEmpty)
        {
            return 0;
        }

        return raw.Count(Backslash) + 1;
    }

    /// <summary>DS: a decimal string, tolerant of leading/trailing spaces and NUL padding.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out double value)
    {
        text = text.Trim(" \0"u8);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>IS: an integer string; "12.0" is tolerated as 12, as writers that format through floats produce it.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        text = text.Trim(" \0"u8);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d)
            && d >= long.MinValue && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>Formats a DS value in at most 16 characters (PS3.5 Table 6.2-1).</summary>
    public static string FormatDecimal(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "DS cannot hold NaN or infinity");
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        for (int precision = 15; text.Length > 16 && precision > 0; precision--)
        {
            text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>Trailing spaces and NULs are padding for every text VR; leading spaces only where PS3.5 says so.</summary>
    public static string TrimText(string value, DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UC
        or DicomVR.UR or DicomVR.PN
        ? value.TrimEnd(' ', '\0')
        : value.Trim(' ', '\0');
}
