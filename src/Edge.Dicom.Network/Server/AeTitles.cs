namespace Edge.Dicom.Network.Server;

/// <summary>AE title rules of PS3.5 Table 6.2-1 (VR AE).</summary>
public static class AeTitles
{
    public const int MaxLength = 16;

    /// <summary>
    /// Leading and trailing spaces are not significant in an AE title; nothing else is ignored: comparison is ordinal
    /// and case-sensitive after trimming spaces (0x20) only, never tabs or NULs.
    /// </summary>
    public static bool AreEqual(string? a, string? b) =>
        a is not null && b is not null && a.AsSpan().Trim(' ').SequenceEqual(b.AsSpan().Trim(' '));

    /// <summary>1-16 characters of the default repertoire without backslash or control characters, not only spaces.</summary>
    public static bool IsValid(string? ae)
    {
        if (string.IsNullOrEmpty(ae) || ae.Length > MaxLength || ae.AsSpan().Trim(' ').IsEmpty)
        {
            return false;
        }

        foreach (char c in ae)
        {
            if (c is < ' ' or > '~' or '\\')
            {
                return false;
            }
        }

        return true;
    }
}
