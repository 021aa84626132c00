using Edge.Dicom;
using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Eligibility;

/// <summary>
/// Builds what rules see of a series: the derived properties of the chosen stack, and every DICOM keyword of its
/// first image (header only: pixel data is dropped from the copy held for look-ups).
/// </summary>
public static class SeriesPropertiesFactory
{
    public static SeriesProperties Create(StackPlan plan, DicomDataset reference)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reference);
        DicomDataset header = reference.Clone();
        header.Remove(DicomTags.PixelData);
        var properties = new SeriesProperties(keyword => Lookup(header, keyword));

        VolumeGeometry g = plan.Geometry;
        FrameHeader first = plan.Slices[0].Frame;
        properties.Set(DerivedProperty.SliceThickness, PropertyValue.FromNumbers(plan.SliceThickness ?? g.Spacing.Z));
        properties.Set(DerivedProperty.SliceCount, PropertyValue.FromNumbers(g.Depth));
        properties.Set(DerivedProperty.SliceSpacing, PropertyValue.FromNumbers(g.Spacing.Z));
        properties.Set(DerivedProperty.ZCoverageMm, PropertyValue.FromNumbers(g.Depth * g.Spacing.Z));
        properties.Set(DerivedProperty.Contrast, PropertyValue.FromBoolean(HasContrast(header)));
        properties.Set(DerivedProperty.Orientation, PropertyValue.FromStrings(g.Orientation.ToString()));
        properties.Set("ImageType", PropertyValue.FromStrings([.. first.ImageType]));
        properties.Set("PixelSpacing", PropertyValue.FromNumbers(g.Spacing.Y, g.Spacing.X));
        properties.Set("Rows", PropertyValue.FromNumbers(g.Height));
        properties.Set("Columns", PropertyValue.FromNumbers(g.Width));
        if (header.GetString(DicomTags.BodyPartExamined) is { Length: > 0 } bodyPart)
        {
            properties.Set(DerivedProperty.BodyPart, PropertyValue.FromStrings(bodyPart.ToUpperInvariant()));
        }

        if (Kernel(header) is { Length: > 0 } kernel)
        {
            properties.Set(DerivedProperty.Kernel, PropertyValue.FromStrings(kernel));
        }

        return properties;
    }

    private static PropertyValue? Lookup(DicomDataset header, string keyword)
    {
        if (!DicomDictionary.TryGetEntry(keyword, out DicomDictionaryEntry? entry))
        {
            return null;
        }

        string[] values = header.GetStrings(entry.Tag);
        return values.Length > 0 ? PropertyValue.FromStrings(values) : null;
    }

    // ContrastBolusAgent (PS3.3 C.7.6.4), or the Enhanced Contrast/Bolus module's agent sequence (C.7.6.4b).
    private static bool HasContrast(DicomDataset header) =>
        !string.IsNullOrWhiteSpace(header.GetString(DicomTags.ContrastBolusAgent)) ||
        header.GetSequence(DicomTags.ContrastBolusAgentSequence) is { Items.Count: > 0 };

    // ConvolutionKernel at the top level, or in the shared CT Reconstruction functional group of Enhanced CT.
    private static string? Kernel(DicomDataset header)
    {
        string[] top = header.GetStrings(DicomTags.ConvolutionKernel);
        if (top.Length > 0)
        {
            return string.Join('\\', top);
        }

        DicomDataset? shared = header.GetSequence(DicomTags.SharedFunctionalGroupsSequence) is { Items.Count: > 0 } s ? s.Items[0] : null;
        DicomDataset? reconstruction = shared?.GetSequence(DicomTags.CTReconstructionSequence) is { Items.Count: > 0 } r ? r.Items[0] : null;
        return reconstruction?.GetString(DicomTags.ConvolutionKernel);
    }
}
