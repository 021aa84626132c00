namespace Edge.Imaging.Resampling;

/// <summary>
/// One axis' filter followed by its linear interpolation, as taps per output index: output o =
/// Σ_t Weights[o][t] · input[First[o] + t]. Filter taps beyond either end fold onto the edge voxel (replication).
/// </summary>
internal sealed class FilteredAxisOperator
{
    private readonly int[] _first;
    private readonly float[][] _weights;

    private FilteredAxisOperator(int[] first, float[][] weights)
    {
        _first = first;
        _weights = weights;
    }

    public static FilteredAxisOperator Create(int inputLength, int outputLength, double ratio, float[] kernel)
    {
        if (kernel.Length == 0 || kernel.Length % 2 == 0)
        {
            throw new ArgumentException("A kernel must have an odd, non-zero length.", nameof(kernel));
        }

        var sampling = new AxisSampling(inputLength, outputLength, ratio);
        int radius = kernel.Length / 2;
        var first = new int[outputLength];
        var weights = new float[outputLength][];
        for (int o = 0; o < outputLength; o++)
        {
            int lower = sampling.Lower[o], upper = sampling.Upper[o];
            int lo = Math.Max(0, lower - radius), hi = Math.Min(inputLength - 1, upper + radius);
            var w = new double[hi - lo + 1];
            float wu = sampling.Weight[o];
            Spread(w, lo, inputLength, lower, kernel, 1 - wu);
            Spread(w, lo, inputLength, upper, kernel, wu);
            first[o] = lo;
            weights[o] = [.. w.Select(v => (float)v)];
        }

        return new FilteredAxisOperator(first, weights);
    }

    public (int First, float[] Weights) Taps(int output) => (_first[output], _weights[output]);

    public float Apply(int output, ReadOnlySpan<float> line)
    {
        float[] w = _weights[output];
        ReadOnlySpan<float> window = line.Slice(_first[output], w.Length);
        float sum = 0;
        for (int t = 0; t < w.Length; t++)
        {
            sum += w[t] * window[t];
        }

        return sum;
    }

    // Adds scale · (kernel centred on input index `centre`, edges replicated) into w (which starts at index lo).
    private static void Spread(double[] w, int lo, int inputLength, int centre, float[] kernel, double scale)
    {
        if (scale == 0)
        {
            return;
        }

        int radius = kernel.Length / 2;
        for (int k = -radius; k <= radius; k++)
        {
            w[Math.Clamp(centre + k, 0, inputLength - 1) - lo] += scale * kernel[k + radius];
        }
    }
}
