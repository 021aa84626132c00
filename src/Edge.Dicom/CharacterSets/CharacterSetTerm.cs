using System.Text;

namespace Edge.Dicom;

/// <summary>
/// One defined term of Specific Character Set (0008,0005) and what it designates (PS3.3 Tables C.12-2 to C.12-5).
/// A term either names code elements for G0/G1 (used with or without ISO 2022 extensions) or is one of the
/// stand-alone multi-byte encodings (UTF-8, GB18030, GBK) that allow no code extensions.
/// </summary>
internal sealed class CharacterSetTerm
{
    private CharacterSetTerm(string definedTerm, bool usesExtensions, CodeElement? g0, CodeElement? g1, Func<Encoding>? standalone)
    {
        DefinedTerm = definedTerm;
        UsesExtensions = usesExtensions;
        G0 = g0;
        G1 = g1;
        StandaloneFactory = standalone;
    }

    public string DefinedTerm { get; }

    /// <summary>True for the "ISO 2022 ..." terms, which allow escape sequences (PS3.5 §6.1.2.5).</summary>
    public bool UsesExtensions { get; }

    public CodeElement? G0 { get; }

    public CodeElement? G1 { get; }

    public Func<Encoding>? StandaloneFactory { get; }

    public bool IsStandalone => StandaloneFactory is not null;

    private static readonly CharacterSetTerm[] s_terms =
    [
        // Single-byte without code extensions (Table C.12-2). The empty term is the default repertoire.
        Single("ISO_IR 6", CodeElement.Ascii, null),
        Single("ISO_IR 100", CodeElement.Ascii, CodeElement.Latin1),
        Single("ISO_IR 101", CodeElement.Ascii, CodeElement.Latin2),
        Single("ISO_IR 109", CodeElement.Ascii, CodeElement.Latin3),
        Single("ISO_IR 110", CodeElement.Ascii, CodeElement.Latin4),
        Single("ISO_IR 144", CodeElement.Ascii, CodeElement.Cyrillic),
        Single("ISO_IR 127", CodeElement.Ascii, CodeElement.Arabic),
        Single("ISO_IR 126", CodeElement.Ascii, CodeElement.Greek),
        Single("ISO_IR 138", CodeElement.Ascii, CodeElement.Hebrew),
        Single("ISO_IR 148", CodeElement.Ascii, CodeElement.Latin5),
        Single("ISO_IR 203", CodeElement.Ascii, CodeElement.Latin9),
        Single("ISO_IR 13", CodeElement.JisRomaji, CodeElement.JisKatakana),
        Single("ISO_IR 166", CodeElement.Ascii, CodeElement.Thai),

        // Single-byte with code extensions (Table C.12-3).
        Extension("ISO 2022 IR 6", CodeElement.Ascii, null),
        Extension("ISO 2022 IR 100", CodeElement.Ascii, CodeElement.Latin1),
        Extension("ISO 2022 IR 101", CodeElement.Ascii, CodeElement.Latin2),
        Extension("ISO 2022 IR 109", CodeElement.Ascii, CodeElement.Latin3),
        Extension("ISO 2022 IR 110", CodeElement.Ascii, CodeElement.Latin4),
        Extension("ISO 2022 IR 144", CodeElement.Ascii, CodeElement.Cyrillic),
        Extension("ISO 2022 IR 127", CodeElement.Ascii, CodeElement.Arabic),
        Extension("ISO 2022 IR 126", CodeElement.Ascii, CodeElement.Greek),
        Extension("ISO 2022 IR 138", CodeElement.Ascii, CodeElement.Hebrew),
        Extension("ISO 2022 IR 148", CodeElement.Ascii, CodeElement.Latin5),
        Extension("ISO 2022 IR 203", CodeElement.Ascii, CodeElement.Latin9),
        Extension("ISO 2022 IR 13", CodeElement.JisRomaji, CodeElement.JisKatakana),
        Extension("ISO 2022 IR 166", CodeElement.Ascii, CodeElement.Thai),

        // Multi-byte with code extensions (Table C.12-4).
        Extension("ISO 2022 IR 87", CodeElement.JisX0208, null),
        Extension("ISO 2022 IR 159", CodeElement.JisX0212, null),
        Extension("ISO 2022 IR 149", null, CodeElement.KsX1001),
        Extension("ISO 2022 IR 58", null, CodeElement.Gb2312),

        // Multi-byte without code extensions (Table C.12-5).
        Standalone("ISO_IR 192", () => new UTF8Encoding(false, false)),
        Standalone("GB18030", () => CodePages.Get(54936)),
        Standalone("GBK", () => CodePages.Get(936)),
    ];

    /// <summary>
    /// Resolves a term, tolerating the misspellings found in the field ("ISO-IR 100", "ISO_IR_100", "iso 2022 ir 87",
    /// "UTF-8"). <paramref name="corrected"/> is true when the spelling was not the defined term.
    /// </summary>
    public static bool TryResolve(string term, out CharacterSetTerm? resolved, out bool corrected)
    {
        string trimmed = term.Trim();
        foreach (CharacterSetTerm t in s_terms)
        {
            if (t.DefinedTerm == trimmed)
            {
                resolved = t;
                corrected = false;
                return true;
            }
        }

        string compact = Compact(trimmed);
        foreach (CharacterSetTerm t in s_terms)
        {
            if (Compact(t.DefinedTerm) == compact)
            {
                resolved = t;
                corrected = true;
                return true;
            }
        }

        string? alias = compact switch
        {
            "UTF8" => "ISO_IR 192",
            "ISO2022GBK" => "GBK",
            "ISO202258" => "ISO 2022 IR 58",
            _ => null,
        };
        resolved = alias is null ? null : Array.Find(s_terms, t => t.DefinedTerm == alias);
        corrected = resolved is not null;
        return resolved is not null;
    }

    public static CharacterSetTerm DefaultRepertoire => s_terms[0];

    /// <summary>The "ISO 2022 ..." form of a single-byte term, for a value 1 used together with extensions.</summary>
    public CharacterSetTerm WithExtensions()
    {
        if (UsesExtensions || IsStandalone)
        {
            return this;
        }

        return Array.Find(s_terms, t => t.UsesExtensions && t.G0 == G0 && t.G1 == G1) ?? this;
    }

    public override string ToString() => DefinedTerm;

    private static string Compact(string term)
    {
        var sb = new StringBuilder(term.Length);
        foreach (char c in term)
        {
            if (c is not (' ' or '_' or '-'))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static CharacterSetTerm Single(string term, CodeElement g0, CodeElement? g1) => new(term, false, g0, g1, null);

    private static CharacterSetTerm Extension(string term, CodeElement? g0, CodeElement? g1) => new(term, true, g0, g1, null);

    private static CharacterSetTerm Standalone(string term, Func<Encoding> encoding) => new(term, false, null, null, encoding);
}
