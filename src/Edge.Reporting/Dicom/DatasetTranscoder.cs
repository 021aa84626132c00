using Edge.Dicom;

namespace Edge.Reporting.Dicom;

/// <summary>
/// Copies attributes from a source dataset in its own character set into a UTF-8 result object: text of VRs that use
/// the Specific Character Set is decoded and re-encoded, everything else is copied byte for byte, sequences item by item.
/// </summary>
internal static class DatasetTranscoder
{
    public static void Copy(DicomDataset source, DicomDataset target, DicomTag tag)
    {
        switch (source[tag])
        {
            case DicomElement element:
                target.AddOrUpdate(ToUtf8(source, element));
                break;
            case DicomSequence sequence:
                target.SetSequence(tag, [.. sequence.Items.Select(Item)]);
                break;
        }
    }

    private static DicomDataset Item(DicomDataset source)
    {
        var copy = new DicomDataset();
        foreach (DicomItem item in source)
        {
            Copy(source, copy, item.Tag);
        }

        return copy;
    }

    private static DicomElement ToUtf8(DicomDataset owner, DicomElement element)
    {
        if (!element.VR.UsesSpecificCharacterSet() || element.ValueLength == 0)
        {
            return new DicomElement(element.Tag, element.VR, element.RawValue);
        }

        string text = owner.GetString(element.Tag) ?? string.Empty;
        return new DicomElement(element.Tag, element.VR, DicomCharacterSet.Utf8.Encode(text, element.VR));
    }
}
