namespace Edge.Inference.Windowing;

/// <summary>
/// nnU-Net's tiling of one axis: the fewest tiles whose step does not exceed patch × (1 − overlap), spread evenly so
/// that the first tile starts at 0 and the last ends flush with the border.
/// </summary>
public static class TileLayout
{
    /// <param name="size">Axis length, already padded to at least <paramref name="patch"/>.</param>
    public static int[] Starts(int size, int patch, double overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, patch);
        if (overlap is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "overlap must be in [0, 1)");
        }

        double targetStep = patch * (1 - overlap);
        int count = (int)Math.Ceiling((size - patch) / targetStep) + 1;
        if (count == 1)
        {
            return [0];
        }

        // Evenly spaced, rounded half-to-even as numpy's round does, so tiles match nnU-Net's exactly.
        double step = (double)(size - patch) / (count - 1);
        var starts = new int[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = (int)Math.Round(step * i, MidpointRounding.ToEven);
        }

        return starts;
    }
}
