using System.Numerics;

namespace Edge.Imaging.Phantom;

/// <summary>In-plane kernels for the phantom: the [1 2 1]/4 reconstruction blur and quantisation to int16 HU.</summary>
internal static class SliceFilters
{
    /// <summary>Standard deviation a unit white noise keeps after the separable [1 2 1]/4 blur: (6/16)^(1/2·2) = 0.375.</summary>
    public const float BlurNoiseGain = 0.375f;

    /// <summary>
    /// Blurs <paramref name="image"/> in place with [1 2 1]/4 along rows then columns (edges replicated), using
    /// <paramref name="scratch"/> (same length) between the passes.
    /// </summary>
    public static void Blur(Span<float> image, Span<float> scratch, int width, int height)
    {
        for (int row = 0; row < height; row++)
        {
            BlurRow(image.Slice(row * width, width), scratch.Slice(row * width, width));
        }

        for (int row = 0; row < height; row++)
        {
            ReadOnlySpan<float> above = scratch.Slice(Math.Max(0, row - 1) * width, width);
            ReadOnlySpan<float> centre = scratch.Slice(row * width, width);
            ReadOnlySpan<float> below = scratch.Slice(Math.Min(height - 1, row + 1) * width, width);
            Combine(above, centre, below, image.Slice(row * width, width));
        }
    }

    /// <summary>Rounds to the nearest integer HU and clamps to [−1024, 3071], the 12-bit CT range.</summary>
    public static void Quantize(ReadOnlySpan<float> source, Span<short> destination)
    {
        const float Min = -1024, Max = 3071;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lo = new Vector<float>(Min);
            var hi = new Vector<float>(Max);
            var half = new Vector<float>(0.5f);
            int step = 2 * Vector<float>.Count;
            for (; i <= source.Length - step; i += step)
            {
                var a = Vector.ConvertToInt32(Vector.Floor(Vector.Min(Vector.Max(new Vector<float>(source.Slice(i)), lo), hi) + half));
                var b = Vector.ConvertToInt32(Vector.Floor(Vector.Min(Vector.Max(new Vector<float>(source.Slice(i + Vector<float>.Count)), lo), hi) + half));
                Vector.Narrow(a, b).CopyTo(destination.Slice(i));
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (short)MathF.Floor(Math.Clamp(source[i], Min, Max) + 0.5f);
        }
    }

    private static void BlurRow(ReadOnlySpan<float> source, Span<float> destination)
    {
        int n = source.Length;
        if (n < 3)
        {
            source.CopyTo(destination);
            return;
        }

        destination[0] = ((3 * source[0]) + source[1]) * 0.25f;
        destination[n - 1] = ((3 * source[n - 1]) + source[n - 2]) * 0.25f;
        Combine(source[..(n - 2)], source[1..(n - 1)], source[2..], destination[1..(n - 1)]);
    }

    // destination = (a + 2b + c) / 4, vectorised.
    private static void Combine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var quarter = new Vector<float>(0.25f);
            for (; i <= destination.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var vb = new Vector<float>(b.Slice(i));
                ((new Vector<float>(a.Slice(i)) + vb + vb + new Vector<float>(c.Slice(i))) * quarter).CopyTo(destination.Slice(i));
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = (a[i] + (2 * b[i]) + c[i]) * 0.25f;
        }
    }
}
