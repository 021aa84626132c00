using System.Collections.Frozen;
using System.Text;

namespace Edge.Dicom;

/// <summary>
/// One graphic character set that an ISO 2022 escape sequence designates to G0 or G1
/// (PS3.3 Tables C.12-3 and C.12-4). Decoding and encoding are table look-ups in the generated
/// <see cref="CharacterSetTables"/>, widened to chars the first time an element is used.
/// </summary>
internal sealed class CodeElement
{
    private const char Replacement = '\uFFFD';

    // 94 x 94 sets: rows and cells 0x21-0x7E (ISO 2022 / ISO 2375).
    private const int Cells94 = 94;

    private readonly Func<char[]> _buildTable;
    private char[]? _table;
    private FrozenDictionary<char, ushort>? _reverse;

    private CodeElement(string name, CodeElementKind kind, bool isG0, byte[] escape, Func<char[]> buildTable)
    {
        Name = name;
        Kind = kind;
        IsG0 = isG0;
        Escape = escape;
        _buildTable = buildTable;
    }

    public string Name { get; }

    public CodeElementKind Kind { get; }

    /// <summary>True when the escape designates G0 (bytes 0x21-0x7E), false for G1 (bytes 0xA0-0xFF).</summary>
    public bool IsG0 { get; }

    /// <summary>The escape sequence that designates this element, ESC included.</summary>
    public byte[] Escape { get; }

    public bool IsDoubleByte => Kind == CodeElementKind.DoubleByte;

    // --- The elements of PS3.3 Tables C.12-3 and C.12-4 ---
    public static readonly CodeElement Ascii = new("ISO-IR 6", CodeElementKind.Ascii, true, "\e(B"u8.ToArray(), () => []);

    public static readonly CodeElement JisRomaji = new("ISO-IR 14", CodeElementKind.Ascii, true, "\e(J"u8.ToArray(), () => []);

    public static readonly CodeElement JisKatakana = new("ISO-IR 13", CodeElementKind.Katakana, false, "\e)I"u8.ToArray(), BuildKatakana);

    public static readonly CodeElement Latin1 = Iso8859("ISO-IR 100", 'A', static () => CharacterSetTables.Latin1);
    public static readonly CodeElement Latin2 = Iso8859("ISO-IR 101", 'B', static () => CharacterSetTables.Latin2);
    public static readonly CodeElement Latin3 = Iso8859("ISO-IR 109", 'C', static () => CharacterSetTables.Latin3);
    public static readonly CodeElement Latin4 = Iso8859("ISO-IR 110", 'D', static () => CharacterSetTables.Latin4);
    public static readonly CodeElement Greek = Iso8859("ISO-IR 126", 'F', static () => CharacterSetTables.Greek);
    public static readonly CodeElement Arabic = Iso8859("ISO-IR 127", 'G', static () => CharacterSetTables.Arabic);
    public static readonly CodeElement Hebrew = Iso8859("ISO-IR 138", 'H', static () => CharacterSetTables.Hebrew);
    public static readonly CodeElement Cyrillic = Iso8859("ISO-IR 144", 'L', static () => CharacterSetTables.Cyrillic);
    public static readonly CodeElement Latin5 = Iso8859("ISO-IR 148", 'M', static () => CharacterSetTables.Latin5);
    public static readonly CodeElement Thai = Iso8859("ISO-IR 166", 'T', static () => CharacterSetTables.Thai);
    public static readonly CodeElement Latin9 = Iso8859("ISO-IR 203", 'b', static () => CharacterSetTables.Latin9);

    public static readonly CodeElement JisX0208 = new("ISO-IR 87", CodeElementKind.DoubleByte, true, "\e$B"u8.ToArray(), static () => Widen(CharacterSetTables.JisX0208, Cells94 * Cells94));

    public static readonly CodeElement JisX0212 = new("ISO-IR 159", CodeElementKind.DoubleByte, true, "\e$(D"u8.ToArray(), static () => Widen(CharacterSetTables.JisX0212, Cells94 * Cells94));

    public static readonly CodeElement KsX1001 = new("ISO-IR 149", CodeElementKind.DoubleByte, false, "\e$)C"u8.ToArray(), static () => Widen(CharacterSetTables.KsX1001, Cells94 * Cells94));

    public static readonly CodeElement Gb2312 = new("ISO-IR 58", CodeElementKind.DoubleByte, false, "\e$)A"u8.ToArray(), static () => Widen(CharacterSetTables.Gb2312, Cells94 * Cells94));

    /// <summary>Every element a decoder recognises by its escape sequence, longest sequences first.</summary>
    public static readonly CodeElement[] All =
    [
        JisX0212, KsX1001, Gb2312, JisX0208, Ascii, JisRomaji, JisKatakana, Latin1, Latin2, Latin3, Latin4, Greek,
        Arabic, Hebrew, Cyrillic, Latin5, Thai, Latin9,
    ];

    /// <summary>Finds the element designated by the escape sequence at the start of <paramref name="bytes"/>.</summary>
    public static bool TryMatchEscape(ReadOnlySpan<byte> bytes, out CodeElement? element, out int length)
    {
        foreach (CodeElement e in All)
        {
            if (bytes.StartsWith(e.Escape))
            {
                element = e;
                length = e.Escape.Length;
                return true;
            }
        }

        // ESC $ @ designates JIS C 6226-1978, the predecessor of JIS X 0208; old Japanese systems still send it.
        if (bytes.StartsWith("\e$@"u8))
        {
            element = JisX0208;
            length = 3;
            return true;
        }

        element = null;
        length = 0;
        return false;
    }

    /// <summary>Character of a G1 byte (0x80-0xFF) for single-byte elements.</summary>
    public char DecodeHigh(byte b) => Table[b - 0x80];

    /// <summary>Character of a 94 x 94 cell; both bytes are taken modulo 0x80 so G0 and G1 forms decode alike.</summary>
    public char DecodePair(byte first, byte second)
    {
        int row = (first & 0x7F) - 0x21;
        int cell = (second & 0x7F) - 0x21;
        return (uint)row < Cells94 && (uint)cell < Cells94 ? Table[(row * Cells94) + cell] : Replacement;
    }

    /// <summary>
    /// Encodes one character: returns 1 or 2 bytes written in this element's invoked form (G0: 7-bit, G1: high bit
    /// set), or 0 when the element has no such character.
    /// </summary>
    public int TryEncode(char c, Span<byte> destination)
    {
        if (Kind == CodeElementKind.Ascii)
        {
            if (c < 0x80)
            {
                destination[0] = (byte)c;
                return 1;
            }

            return 0;
        }

        if (!Reverse.TryGetValue(c, out ushort code))
        {
            return 0;
        }

        if (Kind != CodeElementKind.DoubleByte)
        {
            destination[0] = (byte)code;
            return 1;
        }

        byte high = IsG0 ? (byte)0x00 : (byte)0x80;
        destination[0] = (byte)((code >> 8) | high);
        destination[1] = (byte)((code & 0xFF) | high);
        return 2;
    }

    public override string ToString() => Name;

    private char[] Table => _table ?? Interlocked.CompareExchange(ref _table, _buildTable(), null) ?? _table!;

    private FrozenDictionary<char, ushort> Reverse => _reverse ?? Interlocked.CompareExchange(ref _reverse, BuildReverse(), null) ?? _reverse!;

    private FrozenDictionary<char, ushort> BuildReverse()
    {
        char[] table = Table;
        var map = new Dictionary<char, ushort>();
        if (Kind == CodeElementKind.DoubleByte)
        {
            for (int i = 0; i < table.Length; i++)
            {
                // The first cell wins where a code page maps two cells to one character.
                if (table[i] != Replacement)
                {
                    map.TryAdd(table[i], (ushort)((((i / Cells94) + 0x21) << 8) | ((i % Cells94) + 0x21)));
                }
            }
        }
        else
        {
            // Only the G1 right half (0xA0-0xFF) is graphic; 0x80-0x9F are C1 controls, never written.
            for (int b = 0xA0; b <= 0xFF; b++)
            {
                if (table[b - 0x80] != Replacement)
                {
                    map.TryAdd(table[b - 0x80], (ushort)b);
                }
            }
        }

        return map.ToFrozenDictionary();
    }

    private delegate ReadOnlySpan<byte> TableSource();

    private static CodeElement Iso8859(string name, char final, TableSource rightHalf) =>
        new(name, CodeElementKind.SingleByte, false, [0x1B, (byte)'-', (byte)final], () => BuildHighHalf(rightHalf()));

    private static char[] BuildHighHalf(ReadOnlySpan<byte> rightHalf)
    {
        var table = new char[128];

        // 0x80-0x9F are the C1 control set in ISO 8859 and TIS 620 alike.
        for (int b = 0x80; b < 0xA0; b++)
        {
            table[b - 0x80] = (char)b;
        }

        Widen(rightHalf, 96).CopyTo(table, 0x20);
        return table;
    }

    private static char[] BuildKatakana()
    {
        var table = new char[128];
        for (int b = 0x80; b <= 0xFF; b++)
        {
            // JIS X 0201 katakana 0xA1-0xDF are the half-width forms U+FF61-U+FF9F.
            table[b - 0x80] = b is >= 0xA1 and <= 0xDF ? (char)(0xFF61 + (b - 0xA1)) : Replacement;
        }

        return table;
    }

    /// <summary>Widens a generated UTF-8 table; its length is fixed by the generator, so a mismatch is a build defect.</summary>
    private static char[] Widen(ReadOnlySpan<byte> utf8, int expected)
    {
        var chars = new char[expected];
        if (Encoding.UTF8.GetCharCount(utf8) != expected || Encoding.UTF8.GetChars(utf8, chars) != expected)
        {
            throw new InvalidOperationException($"A generated character table does not have {expected} cells");
        }

        return chars;
    }
}
