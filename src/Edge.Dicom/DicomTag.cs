using System.Globalization;

namespace Edge.Dicom;

/// <summary>A data element tag (PS3.5 §7.1): group and element packed as <c>gggg eeee</c>.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    public DicomTag(uint value)
        : this((ushort)(value >> 16), (ushort)value)
    {
    }

    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>Odd groups other than 0001, 0003, 0005, 0007 and FFFF are private (PS3.5 §7.8.1).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>(gggg,0010-00FF) in a private group reserves a block for a private creator (PS3.5 §7.8.1).</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>Group length elements (gggg,0000) are retired outside the meta and command groups.</summary>
    public bool IsGroupLength => Element == 0x0000;

    /// <summary>Item, item delimitation and sequence delimitation tags live in group FFFE (PS3.5 §7.5).</summary>
    public bool IsDelimiter => Group == 0xFFFE;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");

    /// <summary>Parses <c>(gggg,eeee)</c>, <c>gggg,eeee</c> or <c>ggggeeee</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTag tag)
    {
        text = text.Trim();
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
        {
            text = text[1..^1];
        }

        Span<char> hex = stackalloc char[8];
        int n = 0;
        foreach (char c in text)
        {
            if (c == ',')
            {
                continue;
            }

            if (n == 8)
            {
                tag = default;
                return false;
            }

            hex[n++] = c;
        }

        if (n == 8 && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint v))
        {
            tag = new DicomTag(v);
            return true;
        }

        tag = default;
        return false;
    }

    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);
}
