namespace Edge.Imaging;

/// <summary>What a <see cref="VolumeWarning"/> is about; the name is the first word of its message.</summary>
public enum VolumeWarningKind
{
    /// <summary>Missing slices: one step along the normal is a multiple of the usual spacing.</summary>
    Gap,

    /// <summary>Two or more slices at the same position.</summary>
    Duplicate,

    /// <summary>Gantry tilt or a sheared stack: slice positions do not advance along the slice normal.</summary>
    Tilt,

    /// <summary>Slice spacing varies by more than the tolerance without being a whole-slice gap.</summary>
    NonUniformSpacing,

    /// <summary>Rows, columns, pixel spacing or orientation differ between slices.</summary>
    Inconsistent,

    /// <summary>Images were left out (localizers, derived or secondary images, dose reports, other stacks).</summary>
    Skipped,

    /// <summary>The series has more than one stack or phase; one was chosen.</summary>
    MultipleStacks,

    /// <summary>A header value is missing or out of range and a default or derived value was used.</summary>
    Header,
}
