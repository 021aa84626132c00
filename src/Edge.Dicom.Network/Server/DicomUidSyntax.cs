namespace Edge.Dicom.Network.Server;

/// <summary>UID syntax of PS3.5 §9.1: dot-separated numeric components, at most 64 characters.</summary>
internal static class DicomUidSyntax
{
    public const int MaxLength = 64;

    /// <summary>
    /// True for digits and dots in non-empty components, at most 64 characters. Leading zeros (invalid, yet met in
    /// real files) are tolerated. Such a string is always a safe single path segment: never empty, never "." or
    /// "..", no separators.
    /// </summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength || uid[0] == '.' || uid[^1] == '.')
        {
            return false;
        }

        for (int i = 0; i < uid.Length; i++)
        {
            char c = uid[i];
            if (c == '.' ? uid[i - 1] == '.' : c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
