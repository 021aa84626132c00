namespace Edge.Dicom.Tests;

/// <summary>
/// Differences from pydicom that are understood and principled. Each rule says why; anything not listed here
/// fails the oracle test.
/// </summary>
internal static class OracleDifferences
{
    public static bool IsPrincipled(string file, string path, string kind, string detail, OracleVerdict oracle)
    {
        string tag = path.Split('/')[^1];

        // pydicom cannot express these in JSON at all (suppress_invalid_tags dropped them, e.g. IS "1A" in
        // badVR.dcm); Edge keeps the text. There is nothing of pydicom's to compare against.
        if (kind == "presence" && detail == "missing in pydicom" && path.Count(c => c == '/') == 1 && oracle.Suppressed.Contains(tag))
        {
            return true;
        }

        // PS3.18 §F.2.5: an empty value inside a multi-valued attribute is JSON null; pydicom writes "".
        if (kind == "value" && detail == "Edge null, pydicom \"\"")
        {
            return true;
        }

        // Spaces around each value of these VRs are padding (PS3.5 Table 6.2-1); Edge trims every value of a
        // multi-valued element, pydicom only the end of the whole element ("DERIVED \SECONDARY").
        if (kind == "value" && SpacePaddingOnly(detail))
        {
            return true;
        }

        return false;
    }

    private static bool SpacePaddingOnly(string detail)
    {
        const string Marker = ", pydicom ";
        int split = detail.IndexOf(Marker, StringComparison.Ordinal);
        if (!detail.StartsWith("Edge \"", StringComparison.Ordinal) || split < 0)
        {
            return false;
        }

        string ours = detail[5..split].Trim('"');
        string theirs = detail[(split + Marker.Length)..].Trim('"');
        return ours.Length > 0 && ours != theirs && ours == theirs.Trim(' ');
    }
}
