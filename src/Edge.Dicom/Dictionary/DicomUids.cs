using System.Diagnostics.CodeAnalysis;

namespace Edge.Dicom;

public static partial class DicomUids
{
    private static DicomUidInfo?[]? s_infos;

    /// <summary>Looks a UID up in the registry; trailing NUL or space padding (UI values) is ignored.</summary>
    public static bool TryGetInfo(string uid, [NotNullWhen(true)] out DicomUidInfo? info)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var uids = new AsciiTable(DicomUidData.Uids, DicomUidData.UidOffsets);
        int index = uids.BinarySearch(uid.AsSpan().TrimEnd(" \0"));
        info = index >= 0 ? InfoAt(index) : null;
        return info is not null;
    }

    /// <summary>The registry name of a UID, or the UID itself when it is not in the registry.</summary>
    public static string GetName(string uid) => TryGetInfo(uid, out DicomUidInfo? info) ? info.Name : uid;

    /// <summary>Every registered UID in ordinal order.</summary>
    public static IEnumerable<DicomUidInfo> All
    {
        get
        {
            for (int i = 0; i < DicomUidData.Count; i++)
            {
                yield return InfoAt(i);
            }
        }
    }

    private static DicomUidInfo InfoAt(int index)
    {
        DicomUidInfo?[] cache = s_infos ?? Interlocked.CompareExchange(ref s_infos, new DicomUidInfo?[DicomUidData.Count], null) ?? s_infos;
        DicomUidInfo? info = Volatile.Read(ref cache[index]);
        if (info is null)
        {
            var uids = new AsciiTable(DicomUidData.Uids, DicomUidData.UidOffsets);
            var names = new AsciiTable(DicomUidData.Names, DicomUidData.NameOffsets);
            var keywords = new AsciiTable(DicomUidData.Keywords, DicomUidData.KeywordOffsets);
            info = new DicomUidInfo(
                uids.GetString(index),
                names.GetString(index),
                keywords.GetString(index),
                DicomUidData.Type(DicomUidData.TypeIndex[index]),
                (DicomUidData.Flags[index] & DicomDictionaryData.RetiredFlag) != 0);
            Volatile.Write(ref cache[index], info);
        }

        return info;
    }
}
