namespace Edge.Inference.Windowing;

/// <summary>
/// Test-time mirroring: every subset of the configured axes, as a bit mask (bit 0 = z, 1 = y, 2 = x), the identity first.
/// nnU-Net averages the un-mirrored predictions of all of them.
/// </summary>
public static class MirrorVariants
{
    public static int[] For(IReadOnlyList<int> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        int all = 0;
        foreach (int axis in axes)
        {
            if (axis is < 0 or > 2)
            {
                throw new ArgumentOutOfRangeException(nameof(axes), axis, "mirror axes are 0 (z), 1 (y) or 2 (x)");
            }

            all |= 1 << axis;
        }

        // Enumerate the submasks of `all` in increasing order, starting with 0 (no mirroring).
        var variants = new List<int>();
        for (int mask = 0; mask <= 7; mask++)
        {
            if ((mask & ~all) == 0)
            {
                variants.Add(mask);
            }
        }

        return [.. variants];
    }
}
