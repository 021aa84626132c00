using Edge.Imaging.Geometry;

namespace Edge.Imaging.Resampling;

/// <summary>Crop, clip and intensity normalisation for model input. Clip and normalise work in place (no copy).</summary>
public static class VolumeOps
{
    /// <summary>
    /// A new volume holding the box that starts at voxel [z0, y0, x0] with <paramref name="shape"/>; its origin moves to
    /// that voxel so every voxel keeps its LPS position.
    /// </summary>
    public static CtVolume Crop(CtVolume volume, int z0, int y0, int x0, VolumeShape shape)
    {
        ArgumentNullException.ThrowIfNull(volume);
        VolumeShape s = volume.Shape;
        CheckBox(s, z0, y0, x0, shape, nameof(shape));

        var output = GC.AllocateUninitializedArray<float>(checked((int)shape.VoxelCount));
        Parallel.For(0, shape.Depth, dz =>
        {
            ReadOnlySpan<float> slice = volume.GetSlice(z0 + dz);
            for (int dy = 0; dy < shape.Height; dy++)
            {
                slice.Slice(((y0 + dy) * s.Width) + x0, shape.Width).CopyTo(output.AsSpan(((dz * shape.Height) + dy) * shape.Width, shape.Width));
            }
        });

        return volume.WithData(volume.Geometry.SubGrid(z0, y0, x0, shape), output);
    }

    /// <summary>Throws unless the box at [<paramref name="z0"/>, <paramref name="y0"/>, <paramref name="x0"/>] of <paramref name="box"/> lies inside <paramref name="volume"/>.</summary>
    internal static void CheckBox(VolumeShape volume, int z0, int y0, int x0, VolumeShape box, string paramName)
    {
        if (z0 < 0 || y0 < 0 || x0 < 0 || box.Depth <= 0 || box.Height <= 0 || box.Width <= 0 ||
            z0 + box.Depth > volume.Depth || y0 + box.Height > volume.Height || x0 + box.Width > volume.Width)
        {
            throw new ArgumentOutOfRangeException(paramName, $"Box at [{z0}, {y0}, {x0}] of shape {box} does not fit in {volume}.");
        }
    }

    /// <summary>Clamps every voxel to [<paramref name="minHu"/>, <paramref name="maxHu"/>] in place.</summary>
    public static void Clip(CtVolume volume, float minHu, float maxHu)
    {
        ArgumentNullException.ThrowIfNull(volume);
        CheckWindow(minHu, maxHu);
        ForEachSlice(volume, slice => VectorMath.Clamp(slice, minHu, maxHu));
    }

    /// <summary>Clips to the window [<paramref name="minHu"/>, <paramref name="maxHu"/>] and maps it linearly to [0, 1], in place.</summary>
    public static void Normalize(CtVolume volume, float minHu, float maxHu)
    {
        ArgumentNullException.ThrowIfNull(volume);
        CheckWindow(minHu, maxHu);
        float scale = 1 / (maxHu - minHu), offset = -minHu * scale;
        ForEachSlice(volume, slice =>
        {
            VectorMath.Clamp(slice, minHu, maxHu);
            VectorMath.MultiplyAdd(slice, scale, offset);
        });
    }

    /// <summary>Maps v to (v − mean) / standardDeviation in place (z-score normalisation).</summary>
    public static void Standardize(CtVolume volume, float mean, float standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!(standardDeviation > 0) || !float.IsFinite(standardDeviation) || !float.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), "Standard deviation must be positive and finite.");
        }

        float scale = 1 / standardDeviation;
        ForEachSlice(volume, slice => VectorMath.MultiplyAdd(slice, scale, -mean * scale));
    }

    private static void CheckWindow(float minHu, float maxHu)
    {
        if (!(maxHu > minHu) || !float.IsFinite(minHu) || !float.IsFinite(maxHu))
        {
            throw new ArgumentOutOfRangeException(nameof(maxHu), $"Window [{minHu}, {maxHu}] must be finite with max > min.");
        }
    }

    private static void ForEachSlice(CtVolume volume, SliceAction action) =>
        Parallel.For(0, volume.Shape.Depth, z => action(volume.GetSlice(z)));

    private delegate void SliceAction(Span<float> slice);
}
