using System.Collections.Concurrent;
using System.Text;

namespace Edge.Dicom;

/// <summary>
/// Decodes and encodes text values per Specific Character Set (0008,0005) (PS3.5 §6.1, PS3.3 C.12.1.1.2):
/// the default repertoire, the single-byte ISO 8859 and JIS X 0201 sets, UTF-8, GB18030, GBK and ISO 2022 code
/// extensions with escape sequences (JIS X 0208/0212, KS X 1001, GB 2312 and the single-byte sets).
/// Instances are immutable and shared.
/// </summary>
public sealed partial class DicomCharacterSet
{
    // Each distinct (0008,0005) value is resolved once. The cap bounds what a stream of hostile files with
    // ever-new terms can pin in memory; beyond it sets are still built, just not remembered.
    private const int MaxCachedSets = 128;

    private static readonly ConcurrentDictionary<string, DicomCharacterSet> s_cache = new(StringComparer.Ordinal);

    private readonly Encoding? _standalone;
    private readonly CodeElement _initialG0;
    private readonly CodeElement? _initialG1;

    // Elements an encoder may switch to with escape sequences, in the order of the terms.
    private readonly CodeElement[] _extensions;

    private DicomCharacterSet(string[] terms, string[] warnings, Encoding? standalone, CodeElement initialG0, CodeElement? initialG1, CodeElement[] extensions)
    {
        Terms = terms;
        Warnings = warnings;
        _standalone = standalone;
        _initialG0 = initialG0;
        _initialG1 = initialG1;
        _extensions = extensions;
    }

    /// <summary>The default character repertoire, ISO-IR 6 (PS3.5 §6.1.2.1).</summary>
    public static DicomCharacterSet Default { get; } = new([], [], null, CodeElement.Ascii, null, []);

    /// <summary>ISO_IR 192, the set Edge writes when text needs more than ASCII.</summary>
    public static DicomCharacterSet Utf8 { get; } = FromSpecificCharacterSet(["ISO_IR 192"]);

    /// <summary>The defined terms as given in (0008,0005), trimmed.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>What was wrong with the terms and what was assumed instead; empty for a well-formed value.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when the set allows ISO 2022 escape sequences (multi-valued, or an "ISO 2022" term).</summary>
    public bool UsesCodeExtensions => _extensions.Length > 0;

    /// <summary>
    /// The character set of a (0008,0005) value. Never throws: unknown terms fall back to the default repertoire
    /// (bytes above 0x7F read as ISO 8859-1, so nothing is lost) and are reported in <see cref="Warnings"/>.
    /// </summary>
    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string>? definedTerms)
    {
        if (definedTerms is null || definedTerms.Count == 0 || (definedTerms.Count == 1 && string.IsNullOrWhiteSpace(definedTerms[0])))
        {
            return Default;
        }

        string key = string.Join('\\', definedTerms);
        if (s_cache.TryGetValue(key, out DicomCharacterSet? cached))
        {
            return cached;
        }

        DicomCharacterSet set = Build(definedTerms);
        if (s_cache.Count < MaxCachedSets)
        {
            s_cache.TryAdd(key, set);
        }

        return set;
    }

    public override string ToString() => Terms.Count == 0 ? "ISO_IR 6 (default)" : string.Join('\\', Terms);

    private static DicomCharacterSet Build(IReadOnlyList<string> definedTerms)
    {
        var terms = new string[definedTerms.Count];
        var warnings = new List<string>();
        var resolved = new List<CharacterSetTerm>();
        for (int i = 0; i < definedTerms.Count; i++)
        {
            string raw = (definedTerms[i] ?? string.Empty).Trim();
            terms[i] = raw;
            if (raw.Length == 0)
            {
                // An empty value 1 is the default repertoire (PS3.3 C.12.1.1.2); empty later values mean nothing.
                if (i == 0)
                {
                    resolved.Add(CharacterSetTerm.DefaultRepertoire);
                }

                continue;
            }

            if (!CharacterSetTerm.TryResolve(raw, out CharacterSetTerm? term, out bool corrected))
            {
                warnings.Add($"Unknown Specific Character Set term '{raw}': decoded as the default repertoire with ISO 8859-1 for bytes above 0x7F");
                if (i == 0)
                {
                    resolved.Add(CharacterSetTerm.DefaultRepertoire);
                }

                continue;
            }

            if (corrected)
            {
                warnings.Add($"Specific Character Set '{raw}' is not a defined term: assuming '{term!.DefinedTerm}'");
            }

            resolved.Add(term!);
        }

        if (resolved[0].IsStandalone)
        {
            if (resolved.Count > 1)
            {
                warnings.Add($"'{resolved[0].DefinedTerm}' allows no code extensions (PS3.5 §6.1.2.5.4): ignoring {string.Join(", ", resolved.Skip(1))}");
            }

            return new DicomCharacterSet(terms, [.. warnings], resolved[0].StandaloneFactory!(), CodeElement.Ascii, null, []);
        }

        for (int i = resolved.Count - 1; i > 0; i--)
        {
            if (resolved[i].IsStandalone)
            {
                warnings.Add($"'{resolved[i].DefinedTerm}' cannot be a code extension (PS3.5 §6.1.2.5.4): ignoring it");
                resolved.RemoveAt(i);
            }
        }

        bool extensions = resolved.Count > 1 || resolved[0].UsesExtensions;
        if (!extensions)
        {
            return new DicomCharacterSet(terms, [.. warnings], null, resolved[0].G0!, resolved[0].G1, []);
        }

        // Value 1 must be a single-byte set (PS3.3 C.12.1.1.2); a multi-byte one becomes an extension of ISO-IR 6.
        CharacterSetTerm first = resolved[0].WithExtensions();
        if (first.G0 is null || first.G0.IsDoubleByte)
        {
            warnings.Add($"Value 1 of Specific Character Set '{first.DefinedTerm}' is multi-byte: assuming ISO 2022 IR 6 as value 1");
            first = CharacterSetTerm.DefaultRepertoire.WithExtensions();
        }

        var candidates = new List<CodeElement>();
        foreach (CharacterSetTerm term in resolved)
        {
            foreach (CodeElement? element in (ReadOnlySpan<CodeElement?>)[term.G1, term.G0])
            {
                if (element is not null && element.Kind != CodeElementKind.Ascii && !candidates.Contains(element))
                {
                    candidates.Add(element);
                }
            }
        }

        if (candidates.Count == 0)
        {
            // "ISO 2022 IR 6" alone: extensions are declared but there is nothing to switch to.
            candidates.Add(CodeElement.Ascii);
        }

        return new DicomCharacterSet(terms, [.. warnings], null, first.G0!, first.G1, [.. candidates]);
    }
}
