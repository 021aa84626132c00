using System.Globalization;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Orders a stack by position along the slice normal (never by InstanceNumber), checks it and plans the volume:
/// consistent matrix, pixel spacing and orientation; duplicates; gaps (missing slices) and non-uniform spacing;
/// gantry tilt or shear, corrected by shifting each slice onto an orthogonal grid. Each finding is one warning line.
/// </summary>
public static partial class StackPlanner
{
    public static StackPlan Plan(ImageStack stack, VolumeAssemblyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        options ??= VolumeAssemblyOptions.Default;
        var warnings = new List<VolumeWarning>();
        List<FrameHeader> frames = KeepConsistent(stack.Frames, warnings);
        FrameHeader reference = frames[0];
        Vector3D row = reference.RowDirection!.Value.Normalize(), column = reference.ColumnDirection!.Value.Normalize();
        Vector3D normal = row.Cross(column).Normalize();

        var sorted = frames
            .Select(f => (Frame: f, S: f.Position!.Value.Dot(normal)))
            .OrderBy(p => p.S)
            .ThenBy(p => p.Frame.InstanceNumber ?? int.MaxValue)
            .ThenBy(p => p.Frame.FrameIndex)
            .ToList();
        sorted = RemoveDuplicates(sorted, options.DuplicateToleranceMm, warnings);

        double? thickness = MostCommon(sorted.Select(p => p.Frame.SliceThickness));
        (int[] z, double spacing) = PlaceOnGrid(sorted.Select(p => p.S).ToArray(), thickness, options, warnings);
        int depth = z[^1] + 1;

        Vector3D origin = sorted[0].Frame.Position!.Value;
        var shifts = new (double Rows, double Columns)[sorted.Count];
        Vector3D axisZ = normal;
        if (DetectShear(sorted, origin, normal, row, column, reference, out double maxOffset, out double shearPerMm))
        {
            double angle = Math.Atan(shearPerMm) * 180 / Math.PI;
            string header = reference.GantryTilt is { } t && t != 0 ? Invariant($" (GantryDetectorTilt {t:0.##}°)") : string.Empty;
            string action = options.CorrectTilt ? "resampled to an orthogonal grid" : "not corrected: the volume's z axis is sheared";
            warnings.Add(new VolumeWarning(VolumeWarningKind.Tilt,
                Invariant($"stack is sheared by {angle:0.##}°{header}, slices shift up to {maxOffset:0.##} mm in-plane; {action}")));
            if (options.CorrectTilt)
            {
                for (int i = 0; i < sorted.Count; i++)
                {
                    Vector3D offset = InPlaneOffset(sorted[i].Frame.Position!.Value - origin, normal);
                    shifts[i] = (offset.Dot(column) / reference.RowSpacing!.Value, offset.Dot(row) / reference.ColumnSpacing!.Value);
                }
            }
            else
            {
                Vector3D step = (sorted[^1].Frame.Position!.Value - origin) / Math.Max(1, depth - 1);
                axisZ = step.Normalize();
                spacing = depth > 1 ? step.Length : spacing;
            }
        }

        var shape = new VolumeShape(depth, reference.Rows, reference.Columns);
        if (shape.VoxelCount > options.MaxVoxels || shape.VoxelCount > Array.MaxLength)
        {
            throw new VolumeAssemblyException(Invariant($"volume {shape} has {shape.VoxelCount} voxels; the limit is {Math.Min(options.MaxVoxels, Array.MaxLength)}"));
        }

        var geometry = new VolumeGeometry(shape, new VoxelSpacing(spacing, reference.RowSpacing!.Value, reference.ColumnSpacing!.Value), origin, row, column, axisZ);
        var slices = new PlannedSlice[sorted.Count];
        var filled = new bool[depth];
        for (int i = 0; i < sorted.Count; i++)
        {
            slices[i] = new PlannedSlice(sorted[i].Frame, z[i], shifts[i].Rows, shifts[i].Columns);
            filled[z[i]] = true;
        }

        int[] missing = [.. Enumerable.Range(0, depth).Where(k => !filled[k])];
        return new StackPlan(stack, geometry, slices, missing, warnings, thickness);
    }

    private static Vector3D InPlaneOffset(Vector3D delta, Vector3D normal) => delta - (normal * delta.Dot(normal));

    // Shear shows as in-plane drift of ImagePositionPatient from slice to slice. It counts when the largest drift
    // exceeds a quarter pixel, far above DS rounding (~0.001 mm) yet below anything a model would notice.
    private static bool DetectShear(List<(FrameHeader Frame, double S)> sorted, Vector3D origin, Vector3D normal, Vector3D row, Vector3D column, FrameHeader reference, out double maxOffset, out double shearPerMm)
    {
        maxOffset = 0;
        shearPerMm = 0;
        if (sorted.Count < 2)
        {
            return false;
        }

        foreach ((FrameHeader frame, _) in sorted)
        {
            maxOffset = Math.Max(maxOffset, InPlaneOffset(frame.Position!.Value - origin, normal).Length);
        }

        double extent = sorted[^1].S - sorted[0].S;
        shearPerMm = extent > 0 ? InPlaneOffset(sorted[^1].Frame.Position!.Value - origin, normal).Length / extent : 0;
        double pixel = Math.Min(reference.RowSpacing!.Value, reference.ColumnSpacing!.Value);
        return maxOffset > 0.25 * pixel;
    }

    private static double? MostCommon(IEnumerable<double?> values) =>
        values.Where(v => v is > 0).GroupBy(v => Math.Round(v!.Value, 3)).OrderByDescending(g => g.Count()).Select(g => (double?)g.Key).FirstOrDefault();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
