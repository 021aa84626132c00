using System.Numerics;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Resampling;

/// <summary>
/// A box of a volume, smoothed by a separable kernel per axis (edges replicated) and resampled trilinearly to a new
/// spacing, with the output grid and sample positions of <see cref="TrilinearResampler"/>. The result equals
/// crop → filter z, y, x → trilinear resample (up to float rounding), but costs a fraction of it: both the filter and
/// the trilinear weights act along one axis at a time, and operators on different axes commute, so each axis is
/// filtered and resampled in one pass (x, then y, then z) and every later pass runs on an already shrunken volume.
/// The box is read in place; nothing the size of the source is allocated.
/// </summary>
public static class FilteredResampler
{
    /// <param name="kernelZ">Normalised, odd-length kernels; [1] leaves an axis unfiltered.</param>
    public static CtVolume Resample(
        CtVolume volume, int z0, int y0, int x0, VolumeShape box, VoxelSpacing target,
        float[] kernelZ, float[] kernelY, float[] kernelX)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(kernelZ);
        ArgumentNullException.ThrowIfNull(kernelY);
        ArgumentNullException.ThrowIfNull(kernelX);
        VolumeShape s = volume.Shape;
        VolumeOps.CheckBox(s, z0, y0, x0, box, nameof(box));
        VolumeGeometry grid = AxisSampling.OutputGrid(volume.Geometry.SubGrid(z0, y0, x0, box), target);
        VolumeShape shape = grid.Shape;
        VoxelSpacing old = volume.Geometry.Spacing;

        FilteredAxisOperator opZ = FilteredAxisOperator.Create(box.Depth, shape.Depth, target.Z / old.Z, kernelZ);
        FilteredAxisOperator opY = FilteredAxisOperator.Create(box.Height, shape.Height, target.Y / old.Y, kernelY);
        FilteredAxisOperator opX = FilteredAxisOperator.Create(box.Width, shape.Width, target.X / old.X, kernelX);

        // x: each input row of the box → one output row, read straight from the source.
        int outW = shape.Width, outH = shape.Height;
        var alongX = GC.AllocateUninitializedArray<float>(checked(box.Depth * box.Height * outW));
        Parallel.For(0, box.Depth, z =>
        {
            ReadOnlySpan<float> slice = volume.GetSlice(z0 + z);
            for (int y = 0; y < box.Height; y++)
            {
                ReadOnlySpan<float> row = slice.Slice(((y0 + y) * s.Width) + x0, box.Width);
                Span<float> to = alongX.AsSpan(((z * box.Height) + y) * outW, outW);
                for (int o = 0; o < outW; o++)
                {
                    to[o] = opX.Apply(o, row);
                }
            }
        });

        // y: output row oy of slice z = Σ weight · input row j of that slice, whole rows at a time (contiguous, SIMD).
        var alongY = GC.AllocateUninitializedArray<float>(checked(box.Depth * outH * outW));
        Parallel.For(0, box.Depth, z =>
        {
            int sliceIn = z * box.Height * outW, sliceOut = z * outH * outW;
            for (int oy = 0; oy < outH; oy++)
            {
                WeightedRowSum(alongX, sliceIn, outW, opY, oy, alongY.AsSpan(sliceOut + (oy * outW), outW));
            }
        });

        // z: output slice oz = Σ weight · input slice j.
        int sliceLength = outH * outW;
        var output = GC.AllocateUninitializedArray<float>(checked((int)shape.VoxelCount));
        Parallel.For(0, shape.Depth, oz =>
            WeightedRowSum(alongY, 0, sliceLength, opZ, oz, output.AsSpan(oz * sliceLength, sliceLength)));

        return volume.WithData(grid, output);
    }

    // destination = Σ_t weight[t] · data[offset + (first + t) · rowLength ...], rows of rowLength.
    private static void WeightedRowSum(float[] data, int offset, int rowLength, FilteredAxisOperator op, int output, Span<float> destination)
    {
        (int first, float[] weights) = op.Taps(output);
        destination.Clear();
        for (int t = 0; t < weights.Length; t++)
        {
            float w = weights[t];
            if (w == 0)
            {
                continue;
            }

            ReadOnlySpan<float> row = data.AsSpan(offset + ((first + t) * rowLength), rowLength);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var vw = new Vector<float>(w);
                for (; i <= rowLength - Vector<float>.Count; i += Vector<float>.Count)
                {
                    (new Vector<float>(destination[i..]) + (new Vector<float>(row[i..]) * vw)).CopyTo(destination[i..]);
                }
            }

            for (; i < rowLength; i++)
            {
                destination[i] += w * row[i];
            }
        }
    }
}
