using Edge.Dicom;
using Edge.Inference.Packages;

namespace Edge.Reporting.Dicom;

/// <summary>The Code Sequence Macro (PS3.3 Table 8.8-1): one coded concept as a sequence item.</summary>
internal static class CodeItems
{
    /// <summary>Code Value is SH: longer values (e.g. some SNOMED CT ids) go in Long Code Value (UC), PS3.3 §8.8.</summary>
    private const int MaxShortCodeValue = 16;

    public static DicomDataset Item(CodedConcept code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var item = new DicomDataset();
        if (code.Value.Length > MaxShortCodeValue)
        {
            DicomText.Set(item, DicomTags.LongCodeValue, DicomVR.UC, code.Value);
        }
        else
        {
            DicomText.Set(item, DicomTags.CodeValue, DicomVR.SH, code.Value);
        }

        DicomText.Set(item, DicomTags.CodingSchemeDesignator, DicomVR.SH, code.Scheme);
        DicomText.Set(item, DicomTags.CodeMeaning, DicomVR.LO, code.Meaning);
        return item;
    }

    /// <summary>Sets <paramref name="tag"/> to a one-item code sequence.</summary>
    public static void Set(DicomDataset dataset, DicomTag tag, CodedConcept code) => dataset.SetSequence(tag, Item(code));

    /// <summary>Reads a code sequence item back (tests and the key-image labels use it).</summary>
    public static CodedConcept? Read(DicomDataset? dataset, DicomTag tag)
    {
        DicomDataset? item = dataset?.GetSequence(tag)?.Items.FirstOrDefault();
        if (item is null)
        {
            return null;
        }

        string? value = item.GetString(DicomTags.CodeValue) ?? item.GetString(DicomTags.LongCodeValue);
        string? scheme = item.GetString(DicomTags.CodingSchemeDesignator);
        return value is null || scheme is null ? null : new CodedConcept(scheme, value, item.GetString(DicomTags.CodeMeaning) ?? string.Empty);
    }
}
