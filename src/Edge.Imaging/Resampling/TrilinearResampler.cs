using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Resampling;

/// <summary>
/// Trilinear resampling of a <see cref="CtVolume"/> to a new voxel spacing, keeping the origin (the centre of voxel
/// [0,0,0]) and directions. The output has round(n·old/new) voxels per axis; output voxel i samples input position
/// i·new/old, clamped to the last input voxel.
/// <para>The fast path works one output row at a time: the four input rows around it are blended with the z/y
/// weights in SIMD (contiguous, so fully vectorised), then the blended row is interpolated along x with AVX2
/// gathers. Rows of different output slices run in parallel. <see cref="ResampleReference"/> is the per-voxel
/// textbook formula, kept to test against.</para>
/// </summary>
public static class TrilinearResampler
{
    public static CtVolume Resample(CtVolume volume, VoxelSpacing target, ResampleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        options ??= ResampleOptions.Default;
        (VolumeGeometry geometry, AxisSampling z, AxisSampling y, AxisSampling x) = Plan(volume.Geometry, target);
        var output = GC.AllocateUninitializedArray<float>(checked((int)geometry.Shape.VoxelCount));
        VolumeShape input = volume.Shape;
        int outHeight = geometry.Height, outWidth = geometry.Width;
        bool simd = options.UseSimd;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(
            0,
            geometry.Depth,
            parallel,
            () => new float[input.Width],
            (oz, _, blended) =>
            {
                float wz = z.Weight[oz];
                ReadOnlySpan<float> lowerSlice = volume.GetSlice(z.Lower[oz]);
                ReadOnlySpan<float> upperSlice = volume.GetSlice(z.Upper[oz]);
                for (int oy = 0; oy < outHeight; oy++)
                {
                    float wy = y.Weight[oy];
                    int r0 = y.Lower[oy] * input.Width, r1 = y.Upper[oy] * input.Width;
                    BlendRows(
                        lowerSlice.Slice(r0, input.Width), lowerSlice.Slice(r1, input.Width),
                        upperSlice.Slice(r0, input.Width), upperSlice.Slice(r1, input.Width),
                        (1 - wz) * (1 - wy), (1 - wz) * wy, wz * (1 - wy), wz * wy, blended, simd);
                    Span<float> destination = output.AsSpan(((oz * outHeight) + oy) * outWidth, outWidth);
                    InterpolateRow(blended, x, destination, simd);
                }

                return blended;
            },
            static _ => { });

        return volume.WithData(geometry, output);
    }

    /// <summary>The per-voxel trilinear formula, single-threaded and scalar: the reference the fast path is tested against.</summary>
    public static CtVolume ResampleReference(CtVolume volume, VoxelSpacing target)
    {
        ArgumentNullException.ThrowIfNull(volume);
        (VolumeGeometry geometry, AxisSampling z, AxisSampling y, AxisSampling x) = Plan(volume.Geometry, target);
        var output = new float[geometry.Shape.VoxelCount];
        int i = 0;
        for (int oz = 0; oz < geometry.Depth; oz++)
        {
            for (int oy = 0; oy < geometry.Height; oy++)
            {
                for (int ox = 0; ox < geometry.Width; ox++)
                {
                    float wz = z.Weight[oz], wy = y.Weight[oy], wx = x.Weight[ox];
                    float c00 = Lerp(volume[z.Lower[oz], y.Lower[oy], x.Lower[ox]], volume[z.Lower[oz], y.Lower[oy], x.Upper[ox]], wx);
                    float c01 = Lerp(volume[z.Lower[oz], y.Upper[oy], x.Lower[ox]], volume[z.Lower[oz], y.Upper[oy], x.Upper[ox]], wx);
                    float c10 = Lerp(volume[z.Upper[oz], y.Lower[oy], x.Lower[ox]], volume[z.Upper[oz], y.Lower[oy], x.Upper[ox]], wx);
                    float c11 = Lerp(volume[z.Upper[oz], y.Upper[oy], x.Lower[ox]], volume[z.Upper[oz], y.Upper[oy], x.Upper[ox]], wx);
                    output[i++] = Lerp(Lerp(c00, c01, wy), Lerp(c10, c11, wy), wz);
                }
            }
        }

        return volume.WithData(geometry, output);
    }

    private static float Lerp(float a, float b, float w) => a + (w * (b - a));

    private static (VolumeGeometry Geometry, AxisSampling Z, AxisSampling Y, AxisSampling X) Plan(VolumeGeometry source, VoxelSpacing target)
    {
        VolumeGeometry grid = AxisSampling.OutputGrid(source, target);
        VolumeShape shape = grid.Shape;
        VoxelSpacing old = source.Spacing;
        return (grid,
            new AxisSampling(source.Depth, shape.Depth, target.Z / old.Z),
            new AxisSampling(source.Height, shape.Height, target.Y / old.Y),
            new AxisSampling(source.Width, shape.Width, target.X / old.X));
    }

    // destination = wa·a + wb·b + wc·c + wd·d; zero-weight rows are skipped (common when spacings divide evenly).
    private static void BlendRows(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d,
        float wa, float wb, float wc, float wd, Span<float> destination, bool simd)
    {
        int n = destination.Length, i = 0;
        if (simd && Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(wa);
            var vb = new Vector<float>(wb);
            var vc = new Vector<float>(wc);
            var vd = new Vector<float>(wd);
            bool needB = wb != 0, needC = wc != 0, needD = wd != 0;
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> sum = new Vector<float>(a.Slice(i)) * va;
                if (needB)
                {
                    sum += new Vector<float>(b.Slice(i)) * vb;
                }

                if (needC)
                {
                    sum += new Vector<float>(c.Slice(i)) * vc;
                }

                if (needD)
                {
                    sum += new Vector<float>(d.Slice(i)) * vd;
                }

                sum.CopyTo(destination.Slice(i));
            }
        }

        for (; i < n; i++)
        {
            destination[i] = (wa * a[i]) + (wb * b[i]) + (wc * c[i]) + (wd * d[i]);
        }
    }

    private static unsafe void InterpolateRow(ReadOnlySpan<float> row, AxisSampling x, Span<float> destination, bool simd)
    {
        int n = destination.Length, i = 0;
        fixed (float* source = row)
        fixed (int* lower = x.Lower, upper = x.Upper)
        fixed (float* weight = x.Weight)
        {
            if (simd && Avx2.IsSupported)
            {
                fixed (float* output = destination)
                {
                    for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
                    {
                        Vector256<float> v0 = Avx2.GatherVector256(source, Avx.LoadVector256(lower + i), 4);
                        Vector256<float> v1 = Avx2.GatherVector256(source, Avx.LoadVector256(upper + i), 4);
                        Vector256<float> w = Avx.LoadVector256(weight + i);
                        Avx.Store(output + i, Vector256.Add(v0, Vector256.Multiply(w, Vector256.Subtract(v1, v0))));
                    }
                }
            }

            for (; i < n; i++)
            {
                float v0 = source[lower[i]];
                destination[i] = v0 + (weight[i] * (source[upper[i]] - v0));
            }
        }
    }
}
