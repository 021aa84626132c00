using System.Numerics;
using System.Runtime.InteropServices;

namespace Edge.Imaging;

/// <summary>
/// Span kernels on <see cref="Vector{T}"/>, which is as wide as the hardware allows (AVX2 on x64, NEON on the
/// Jetson's ARM64), each followed by a scalar tail.
/// </summary>
internal static class VectorMath
{
    /// <summary>Minimum, maximum and sum (in double, so 10⁸ voxels keep their mean exact to 0.01 HU).</summary>
    public static (float Min, float Max, double Sum) MinMaxSum(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        double sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var vmin = new Vector<float>(float.PositiveInfinity);
            var vmax = new Vector<float>(float.NegativeInfinity);
            ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);

            // Float partial sums over short runs only; each run is folded into the double total.
            const int RunLength = 64;
            for (int start = 0; start < vectors.Length; start += RunLength)
            {
                Vector<float> vsum = Vector<float>.Zero;
                int end = Math.Min(vectors.Length, start + RunLength);
                for (int v = start; v < end; v++)
                {
                    Vector<float> x = vectors[v];
                    vmin = Vector.Min(vmin, x);
                    vmax = Vector.Max(vmax, x);
                    vsum += x;
                }

                sum += Vector.Sum(vsum);
            }

            for (int k = 0; k < Vector<float>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            float x = values[i];
            min = Math.Min(min, x);
            max = Math.Max(max, x);
            sum += x;
        }

        return (min, max, sum);
    }

    /// <summary>Clamps every value to [<paramref name="lower"/>, <paramref name="upper"/>] in place.</summary>
    public static void Clamp(Span<float> values, float lower, float upper)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lo = new Vector<float>(lower);
            var hi = new Vector<float>(upper);
            Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                vectors[v] = Vector.Min(Vector.Max(vectors[v], lo), hi);
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i], lower, upper);
        }
    }

    /// <summary>values = values·scale + offset, in place.</summary>
    public static void MultiplyAdd(Span<float> values, float scale, float offset)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(scale);
            var o = new Vector<float>(offset);
            Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                vectors[v] = (vectors[v] * s) + o;
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            values[i] = (values[i] * scale) + offset;
        }
    }
}
