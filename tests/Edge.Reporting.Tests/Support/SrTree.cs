using Edge.Dicom;

namespace Edge.Reporting.Tests.Support;

/// <summary>Reads an SR content tree back: items by concept name, and their values.</summary>
internal static class SrTree
{
    public static IReadOnlyList<DicomDataset> Children(DicomDataset item) =>
        item.GetSequence(DicomTags.ContentSequence)?.Items.ToList() ?? [];

    /// <summary>Every item below <paramref name="root"/> (depth first) whose concept name has <paramref name="codeValue"/>.</summary>
    public static IReadOnlyList<DicomDataset> FindAll(DicomDataset root, string codeValue)
    {
        var found = new List<DicomDataset>();
        Walk(root, codeValue, found);
        return found;
    }

    public static DicomDataset Single(DicomDataset root, string codeValue) => Assert.Single(FindAll(root, codeValue));

    /// <summary>The direct children of <paramref name="item"/> named <paramref name="codeValue"/>.</summary>
    public static IReadOnlyList<DicomDataset> ChildrenNamed(DicomDataset item, string codeValue) =>
        [.. Children(item).Where(c => ConceptValue(c) == codeValue)];

    public static string? ConceptValue(DicomDataset item) =>
        item.GetSequence(DicomTags.ConceptNameCodeSequence)?.Items.FirstOrDefault()?.GetString(DicomTags.CodeValue);

    public static string? Text(DicomDataset item) => item.GetString(DicomTags.TextValue);

    public static (string Scheme, string Value) Code(DicomDataset item)
    {
        DicomDataset code = Assert.Single(item.GetSequence(DicomTags.ConceptCodeSequence)!.Items);
        return (code.GetString(DicomTags.CodingSchemeDesignator)!, code.GetString(DicomTags.CodeValue)!);
    }

    /// <summary>Numeric Value (DS), Floating Point Value (FD) and the UCUM unit of a NUM item.</summary>
    public static (double Text, double Exact, string Units) Num(DicomDataset item)
    {
        Assert.Equal("NUM", item.GetString(DicomTags.ValueType));
        DicomDataset measured = Assert.Single(item.GetSequence(DicomTags.MeasuredValueSequence)!.Items);
        Assert.True(measured.TryGetDouble(DicomTags.NumericValue, out double text));
        Assert.True(measured.TryGetDouble(DicomTags.FloatingPointValue, out double exact));
        string units = Assert.Single(measured.GetSequence(DicomTags.MeasurementUnitsCodeSequence)!.Items).GetString(DicomTags.CodeValue)!;
        return (text, exact, units);
    }

    private static void Walk(DicomDataset item, string codeValue, List<DicomDataset> found)
    {
        foreach (DicomDataset child in Children(item))
        {
            if (ConceptValue(child) == codeValue)
            {
                found.Add(child);
            }

            Walk(child, codeValue, found);
        }
    }
}
