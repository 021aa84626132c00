using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// How a stack becomes a volume, decided from headers alone before any pixel is read: the geometry, where each
/// frame goes, which slices a gap leaves to interpolate, and the warnings.
/// </summary>
public sealed class StackPlan
{
    internal StackPlan(ImageStack stack, VolumeGeometry geometry, IReadOnlyList<PlannedSlice> slices, IReadOnlyList<int> missing, IReadOnlyList<VolumeWarning> warnings, double? thickness)
    {
        Stack = stack;
        Geometry = geometry;
        Slices = slices;
        MissingSlices = missing;
        Warnings = warnings;
        SliceThickness = thickness;
    }

    public ImageStack Stack { get; }

    public VolumeGeometry Geometry { get; }

    /// <summary>The frames used, in z order.</summary>
    public IReadOnlyList<PlannedSlice> Slices { get; }

    /// <summary>Slice indices no frame fills (gaps), to be interpolated from their neighbours.</summary>
    public IReadOnlyList<int> MissingSlices { get; }

    public IReadOnlyList<VolumeWarning> Warnings { get; }

    /// <summary>The nominal slice thickness (SliceThickness, most common value), if the headers give one.</summary>
    public double? SliceThickness { get; }

    /// <summary>Distinct files holding the planned frames.</summary>
    public int InstanceCount => Slices.Select(s => s.Frame.Source).Distinct().Count();
}
