using System.Diagnostics.CodeAnalysis;

namespace Edge.Dicom;

/// <summary>
/// Look-ups in the standard data dictionary (PS3.6 §6, §7) and the private dictionary.
/// The tables are constant data compiled into the assembly (see the generated <c>*.g.cs</c>), so there is no
/// start-up cost; an entry object is created the first time its tag is asked for and then reused.
/// </summary>
public static class DicomDictionary
{
    private static DicomDictionaryEntry?[]? s_entries;
    private static DicomDictionaryEntry?[]? s_privateTemplates;

    /// <summary>Number of standard entries, repeating-group masks included.</summary>
    public static int Count => DicomDictionaryData.Count;

    /// <summary>
    /// Finds the standard entry of <paramref name="tag"/>. Repeating groups (50xx, 60xx, 7Fxx and the
    /// element masks of PS3.6) match their base entry; (gggg,0000) is a group length (UL) and a private
    /// creator element (gggg,0010-00FF) is LO. Other private tags and unknown tags give false.
    /// </summary>
    public static bool TryGetEntry(DicomTag tag, [NotNullWhen(true)] out DicomDictionaryEntry? entry)
    {
        int index = FindIndex(tag);
        if (index >= 0)
        {
            entry = EntryAt(index);
            return true;
        }

        entry = SynthesizedEntry(tag);
        return entry is not null;
    }

    /// <summary>Finds a standard entry by its PS3.6 keyword (case-sensitive), e.g. <c>PatientName</c>.</summary>
    public static bool TryGetEntry(string keyword, [NotNullWhen(true)] out DicomDictionaryEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var keywords = new AsciiTable(DicomDictionaryData.Keywords, DicomDictionaryData.KeywordOffsets);
        int index = keywords.BinarySearch(keyword, DicomDictionaryData.KeywordOrder);
        entry = index >= 0 ? EntryAt(index) : null;
        return entry is not null;
    }

    /// <summary>
    /// Finds a private element in the private dictionary. Only the group and the low byte of the element
    /// matter: the block byte is whatever <paramref name="privateCreator"/> was given in this dataset
    /// (PS3.5 §7.8.1). Leading and trailing spaces of the creator are not significant (LO).
    /// </summary>
    public static bool TryGetPrivateEntry(string privateCreator, DicomTag tag, [NotNullWhen(true)] out DicomDictionaryEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(privateCreator);
        int row = FindPrivateRow(privateCreator, tag);
        if (row < 0)
        {
            entry = null;
            return false;
        }

        DicomDictionaryEntry template = PrivateTemplateAt(row);
        entry = template.Tag == tag ? template : template with { Tag = tag };
        return true;
    }

    /// <summary>The VR of a private element per the private dictionary, without allocating.</summary>
    public static bool TryGetPrivateVR(string privateCreator, DicomTag tag, out DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(privateCreator);
        int row = FindPrivateRow(privateCreator, tag);
        vr = row >= 0 ? DicomPrivateDictionaryData.DefaultVrSet(DicomPrivateDictionaryData.VrSetIndex[row]) : DicomVR.UN;
        return row >= 0;
    }

    /// <summary>
    /// The VR an implicit VR reader assumes for <paramref name="tag"/>: the first listed VR of the entry
    /// (OW for OB/OW, US for US/SS), UL for group lengths, LO for private creators, UN when unknown.
    /// Items and delimiters give <see cref="DicomVR.None"/>.
    /// </summary>
    public static DicomVR GetDefaultVR(DicomTag tag)
    {
        int index = FindIndex(tag);
        if (index >= 0)
        {
            return DicomDictionaryData.DefaultVrSet(DicomDictionaryData.VrSetIndex[index]);
        }

        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        return tag.IsPrivateCreator ? DicomVR.LO : DicomVR.UN;
    }

    /// <summary>Keyword of a standard tag, or null.</summary>
    public static string? GetKeyword(DicomTag tag) => TryGetEntry(tag, out DicomDictionaryEntry? e) && e.Keyword.Length > 0 ? e.Keyword : null;

    /// <summary>All standard entries in table order (exact tags by value, then repeating-group masks).</summary>
    public static IEnumerable<DicomDictionaryEntry> Entries
    {
        get
        {
            for (int i = 0; i < DicomDictionaryData.Count; i++)
            {
                yield return EntryAt(i);
            }
        }
    }

    private static int FindIndex(DicomTag tag)
    {
        uint value = tag.Value;
        if (tag.IsPrivate)
        {
            return -1;
        }

        int index = DicomDictionaryData.Tags[..DicomDictionaryData.ExactCount].BinarySearch(value);
        if (index >= 0)
        {
            return index;
        }

        // (gggg,0000) is always a group length, even inside a repeating mask such as (1010,xxxx).
        if (tag.IsGroupLength)
        {
            return -1;
        }

        ReadOnlySpan<uint> masks = DicomDictionaryData.RepeaterMasks;
        ReadOnlySpan<uint> values = DicomDictionaryData.Tags[DicomDictionaryData.ExactCount..];
        for (int i = 0; i < masks.Length; i++)
        {
            if ((value & masks[i]) == values[i])
            {
                return DicomDictionaryData.ExactCount + i;
            }
        }

        return -1;
    }

    private static DicomDictionaryEntry? SynthesizedEntry(DicomTag tag)
    {
        if (tag.IsGroupLength && tag.Group != 0xFFFE)
        {
            // Retired outside the command and meta groups (PS3.5 §7.2).
            return new DicomDictionaryEntry(tag, [DicomVR.UL], "1", "GroupLength", "Group Length", tag.Group > 0x0002);
        }

        if (tag.IsPrivateCreator)
        {
            return new DicomDictionaryEntry(tag, [DicomVR.LO], "1", "PrivateCreator", "Private Creator", false);
        }

        return null;
    }

    private static DicomDictionaryEntry EntryAt(int index)
    {
        DicomDictionaryEntry?[] cache = s_entries ?? Interlocked.CompareExchange(ref s_entries, new DicomDictionaryEntry?[DicomDictionaryData.Count], null) ?? s_entries;
        DicomDictionaryEntry? entry = Volatile.Read(ref cache[index]);
        if (entry is null)
        {
            entry = CreateEntry(index);
            Volatile.Write(ref cache[index], entry);
        }

        return entry;
    }

    private static DicomDictionaryEntry CreateEntry(int index)
    {
        var keywords = new AsciiTable(DicomDictionaryData.Keywords, DicomDictionaryData.KeywordOffsets);
        var names = new AsciiTable(DicomDictionaryData.Names, DicomDictionaryData.NameOffsets);
        return new DicomDictionaryEntry(
            new DicomTag(DicomDictionaryData.Tags[index]),
            DicomDictionaryData.VrSet(DicomDictionaryData.VrSetIndex[index]),
            DicomDictionaryData.Vm(DicomDictionaryData.VmIndex[index]),
            keywords.GetString(index),
            names.GetString(index),
            (DicomDictionaryData.Flags[index] & DicomDictionaryData.RetiredFlag) != 0);
    }

    private static int FindPrivateRow(string privateCreator, DicomTag tag)
    {
        // Private data elements are (gggg,1000-FFFF) in odd groups (PS3.5 §7.8.1).
        if (!tag.IsPrivate || tag.Element < 0x1000)
        {
            return -1;
        }

        var creators = new AsciiTable(DicomPrivateDictionaryData.Creators, DicomPrivateDictionaryData.CreatorOffsets);
        int creator = creators.BinarySearch(privateCreator.AsSpan().Trim(" \0"));
        if (creator < 0)
        {
            return -1;
        }

        int start = DicomPrivateDictionaryData.EntryStart[creator];
        int end = DicomPrivateDictionaryData.EntryStart[creator + 1];
        ReadOnlySpan<ulong> keys = DicomPrivateDictionaryData.Keys[start..end];
        uint low = (uint)(tag.Element & 0xFF);
        ReadOnlySpan<ulong> candidates =
        [
            tag.Value,
            (1UL << 32) | ((uint)tag.Group << 16) | low,
            (2UL << 32) | ((uint)(tag.Group >> 8) << 24) | low,
        ];
        foreach (ulong key in candidates)
        {
            int i = keys.BinarySearch(key);
            if (i >= 0)
            {
                return start + i;
            }
        }

        return -1;
    }

    private static DicomDictionaryEntry PrivateTemplateAt(int row)
    {
        DicomDictionaryEntry?[] cache = s_privateTemplates
            ?? Interlocked.CompareExchange(ref s_privateTemplates, new DicomDictionaryEntry?[DicomPrivateDictionaryData.Keys.Length], null)
            ?? s_privateTemplates;
        DicomDictionaryEntry? entry = Volatile.Read(ref cache[row]);
        if (entry is null)
        {
            ulong key = DicomPrivateDictionaryData.Keys[row];
            uint value = (uint)key;
            var tag = (key >> 32) switch
            {
                0 => new DicomTag(value),
                1 => new DicomTag((ushort)(value >> 16), (ushort)(0x1000 | (value & 0xFF))),
                _ => new DicomTag((ushort)((value >> 16) | 0x0009), (ushort)(0x1000 | (value & 0xFF))),
            };
            var names = new AsciiTable(DicomPrivateDictionaryData.Names, DicomPrivateDictionaryData.NameOffsets);
            entry = new DicomDictionaryEntry(
                tag,
                DicomPrivateDictionaryData.VrSet(DicomPrivateDictionaryData.VrSetIndex[row]),
                DicomPrivateDictionaryData.Vm(DicomPrivateDictionaryData.VmIndex[row]),
                string.Empty,
                names.GetString(DicomPrivateDictionaryData.NameIndex[row]),
                (DicomPrivateDictionaryData.Flags[row] & DicomDictionaryData.RetiredFlag) != 0);
            Volatile.Write(ref cache[row], entry);
        }

        return entry;
    }
}
