using Edge.Dicom;

namespace Edge.Reporting.Dicom;

/// <summary>
/// Text for result objects. Every object Edge writes declares ISO_IR 192 (UTF-8), and sequence items are built before
/// they are attached to their parent (so they cannot inherit its character set yet): text is therefore encoded here,
/// explicitly, rather than through the dataset's own character set.
/// </summary>
internal static class DicomText
{
    public const string CharacterSet = "ISO_IR 192";

    /// <summary>Sets a text value, truncated to the VR's maximum length in characters (PS3.5 Table 6.2-1).</summary>
    public static void Set(DicomDataset dataset, DicomTag tag, DicomVR vr, string text)
    {
        string value = Truncate(text, MaxCharacters(vr));
        dataset.AddOrUpdate(tag, vr, DicomCharacterSet.Utf8.Encode(value, vr));
    }

    /// <summary>A type 2 element: present, zero length.</summary>
    public static void SetEmpty(DicomDataset dataset, DicomTag tag, DicomVR vr) => dataset.AddOrUpdate(tag, vr, ReadOnlyMemory<byte>.Empty);

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static int MaxCharacters(DicomVR vr) => vr switch
    {
        DicomVR.SH => 16,
        DicomVR.LO => 64,
        DicomVR.ST => 1024,
        DicomVR.LT => 10240,
        DicomVR.CS => 16,
        DicomVR.PN => 64 * 5,
        _ => int.MaxValue,
    };
}
