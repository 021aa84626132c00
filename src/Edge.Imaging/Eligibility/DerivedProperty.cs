namespace Edge.Imaging.Eligibility;

/// <summary>Names of the properties assembly derives for rules (besides DICOM keywords).</summary>
public static class DerivedProperty
{
    /// <summary>Nominal slice thickness in mm: SliceThickness, or the Enhanced CT pixel measures, or the slice spacing.</summary>
    public const string SliceThickness = "SliceThickness";

    /// <summary>Number of slices in the chosen stack.</summary>
    public const string SliceCount = "SliceCount";

    /// <summary>Distance between slice centres along the normal, in mm.</summary>
    public const string SliceSpacing = "SliceSpacing";

    /// <summary>Coverage along the normal in mm: slice count × slice spacing.</summary>
    public const string ZCoverageMm = "ZCoverageMm";

    /// <summary>true when ContrastBolusAgent (or an Enhanced CT contrast sequence) is present and not empty.</summary>
    public const string Contrast = "Contrast";

    /// <summary>BodyPartExamined, upper case.</summary>
    public const string BodyPart = "BodyPart";

    /// <summary>ConvolutionKernel (values joined by a backslash).</summary>
    public const string Kernel = "Kernel";

    /// <summary>Axial, Coronal, Sagittal or Oblique, from the slice normal.</summary>
    public const string Orientation = "Orientation";
}
