using System.Globalization;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

public static partial class StackPlanner
{
    // Relative pixel-spacing difference still the same spacing: DS values carry ~6 significant digits.
    private const double PixelSpacingTolerance = 1e-3;

    // Orientation spread worth reporting, in degrees: well above DS rounding of direction cosines.
    private const double OrientationSpreadDegrees = 0.01;

    // Interpolating more than a quarter of the slices would invent the volume rather than repair it (two separate
    // ranges of one stack, say); such gaps are reported and left unfilled.
    private const double MaxFilledFraction = 0.25;

    /// <summary>Keeps the frames that share the stack's most common matrix and pixel spacing; reports the rest.</summary>
    private static List<FrameHeader> KeepConsistent(IReadOnlyList<FrameHeader> frames, List<VolumeWarning> warnings)
    {
        var matrix = frames.GroupBy(f => (f.Rows, f.Columns)).OrderByDescending(g => g.Count()).First();
        List<FrameHeader> kept = [.. matrix];
        foreach (var other in frames.GroupBy(f => (f.Rows, f.Columns)).Where(g => g.Key != matrix.Key))
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.Inconsistent,
                Invariant($"{other.Count()} image(s) are {other.Key.Rows}x{other.Key.Columns} instead of {matrix.Key.Rows}x{matrix.Key.Columns}; left out")));
        }

        FrameHeader reference = kept.GroupBy(f => (Math.Round(f.RowSpacing!.Value, 4), Math.Round(f.ColumnSpacing!.Value, 4)))
            .OrderByDescending(g => g.Count()).First().First();
        var odd = kept.Where(f => !SameSpacing(f, reference)).ToList();
        if (odd.Count > 0)
        {
            FrameHeader o = odd[0];
            warnings.Add(new VolumeWarning(VolumeWarningKind.Inconsistent,
                Invariant($"{odd.Count} image(s) have pixel spacing {o.RowSpacing:0.####}\\{o.ColumnSpacing:0.####} instead of {reference.RowSpacing:0.####}\\{reference.ColumnSpacing:0.####}; left out")));
            kept.RemoveAll(odd.Contains);
        }

        // Put the reference first so the stack's axes come from a representative frame.
        kept.Remove(reference);
        kept.Insert(0, reference);
        double spread = kept.Max(f => Math.Max(
            f.RowDirection!.Value.AngleDegreesTo(reference.RowDirection!.Value),
            f.ColumnDirection!.Value.AngleDegreesTo(reference.ColumnDirection!.Value)));
        if (spread > OrientationSpreadDegrees)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.Inconsistent, Invariant($"orientation varies by up to {spread:0.###}° within the stack")));
        }

        return kept;
    }

    private static bool SameSpacing(FrameHeader f, FrameHeader reference) =>
        Math.Abs(f.RowSpacing!.Value - reference.RowSpacing!.Value) <= PixelSpacingTolerance * reference.RowSpacing.Value &&
        Math.Abs(f.ColumnSpacing!.Value - reference.ColumnSpacing!.Value) <= PixelSpacingTolerance * reference.ColumnSpacing.Value;

    /// <summary>Drops frames at the position of the frame before them (the lower InstanceNumber stays).</summary>
    private static List<(FrameHeader Frame, double S)> RemoveDuplicates(List<(FrameHeader Frame, double S)> sorted, double tolerance, List<VolumeWarning> warnings)
    {
        var kept = new List<(FrameHeader Frame, double S)>(sorted.Count) { sorted[0] };
        var dropped = new List<(FrameHeader Kept, FrameHeader Dropped, double S)>();
        for (int i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].S - kept[^1].S < tolerance)
            {
                dropped.Add((kept[^1].Frame, sorted[i].Frame, sorted[i].S));
            }
            else
            {
                kept.Add(sorted[i]);
            }
        }

        if (dropped.Count > 0)
        {
            var (first, second, s) = dropped[0];
            warnings.Add(new VolumeWarning(VolumeWarningKind.Duplicate, Invariant(
                $"{dropped.Count} image(s) repeat the position of another (first at {s:0.###} mm along the normal: {Name(second)} repeats {Name(first)}); the first of each was kept")));
        }

        return kept;
    }

    /// <summary>
    /// Slice indices on a uniform grid and the spacing between slice centres. A step that is a whole multiple of
    /// the usual one is a gap whose missing slices get indices of their own (to be interpolated); other uneven steps
    /// keep consecutive indices and the mean spacing.
    /// </summary>
    private static (int[] Z, double Spacing) PlaceOnGrid(double[] s, double? thickness, VolumeAssemblyOptions options, List<VolumeWarning> warnings)
    {
        int n = s.Length;
        if (n == 1)
        {
            double single = thickness ?? 1.0;
            warnings.Add(new VolumeWarning(VolumeWarningKind.Header, Invariant($"single slice; z spacing taken from {(thickness is null ? "a default of" : "SliceThickness")} {single:0.###} mm")));
            return ([0], single);
        }

        double[] steps = [.. Enumerable.Range(1, n - 1).Select(i => s[i] - s[i - 1])];
        double nominal = Median(steps);
        double tolerance = Math.Max(0.02, options.SpacingTolerance * nominal);
        var gaps = new List<(int Index, int Missing)>();
        bool wholeMultiples = true;
        double minStep = double.MaxValue, maxStep = 0;
        bool uneven = false;
        for (int i = 0; i < steps.Length; i++)
        {
            double ratio = steps[i] / nominal;
            if (ratio > 1.5)
            {
                gaps.Add((i, (int)Math.Round(ratio) - 1));
                wholeMultiples &= Math.Abs(ratio - Math.Round(ratio)) <= 0.2;
            }
            else if (Math.Abs(steps[i] - nominal) > tolerance)
            {
                uneven = true;
                minStep = Math.Min(minStep, steps[i]);
                maxStep = Math.Max(maxStep, steps[i]);
            }
        }

        int missingTotal = gaps.Sum(g => g.Missing);
        bool fill = gaps.Count > 0 && wholeMultiples && !uneven && options.FillGaps && missingTotal <= MaxFilledFraction * n;
        foreach ((int index, int missing) in gaps.Take(5))
        {
            string action = fill ? "filled by interpolation" : "not filled: slices beyond it are placed as if contiguous";
            warnings.Add(new VolumeWarning(VolumeWarningKind.Gap, Invariant(
                $"{missing} missing slice(s) between {s[index]:0.###} and {s[index + 1]:0.###} mm along the normal (spacing {nominal:0.###} mm); {action}")));
        }

        if (gaps.Count > 5)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.Gap, Invariant($"{gaps.Count - 5} more gap(s)")));
        }

        if (uneven)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.NonUniformSpacing, Invariant(
                $"steps between slices vary from {minStep:0.###} to {maxStep:0.###} mm (usual {nominal:0.###} mm); the mean spacing is used")));
        }

        var z = new int[n];
        if (fill)
        {
            for (int i = 1; i < n; i++)
            {
                z[i] = (int)Math.Round((s[i] - s[0]) / nominal);
            }
        }
        else
        {
            for (int i = 1; i < n; i++)
            {
                z[i] = i;
            }
        }

        return (z, (s[^1] - s[0]) / z[^1]);
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Name(FrameHeader f) =>
        f.InstanceNumber is { } n ? Invariant($"instance {n}") : f.ToString();
}
