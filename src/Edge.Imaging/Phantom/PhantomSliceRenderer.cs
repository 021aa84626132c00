using System.Numerics;

namespace Edge.Imaging.Phantom;

/// <summary>
/// Renders slices for one thread: paints the anatomy (averaging sub-slices through a thick slice), adds
/// noise, applies the reconstruction blur and quantises. Buffers are reused from slice to slice.
/// </summary>
internal sealed class PhantomSliceRenderer
{
    private const float AirHu = -1000;

    private readonly PhantomAnatomy _anatomy;
    private readonly PhantomScan _scan;
    private readonly SliceCanvas _canvas;
    private readonly float[] _accumulator;
    private readonly float[] _scratch;
    private readonly double[] _subOffsets;

    public PhantomSliceRenderer(PhantomAnatomy anatomy, PhantomScan scan, double x0, double y0)
    {
        _anatomy = anatomy;
        _scan = scan;
        _canvas = new SliceCanvas(scan.Size, scan.Size, x0, y0, scan.PixelSpacingMm, scan.PixelSpacingMm);
        _accumulator = new float[scan.Size * scan.Size];
        _scratch = new float[scan.Size * scan.Size];

        // An odd number of sub-slices ~1.25 mm apart, so the middle one (which gives the labels) is the slice centre.
        int samples = scan.SliceThicknessMm <= 1.5 ? 1 : scan.SliceThicknessMm <= 3.5 ? 3 : 5;
        _subOffsets = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            _subOffsets[s] = scan.SliceThicknessMm * (((s + 0.5) / samples) - 0.5);
        }
    }

    /// <summary>Renders slice <paramref name="index"/> (0 = most inferior) into HU and labels.</summary>
    public void Render(int index, Span<short> hu, Span<byte> labels)
    {
        double z = _scan.FirstSliceAnatomicalZ + (index * _scan.SliceSpacingMm);
        Span<float> acc = _accumulator;
        if (_subOffsets.Length == 1)
        {
            Paint(z);
            _canvas.Hu.CopyTo(acc);
        }
        else
        {
            acc.Clear();
            int middle = _subOffsets.Length / 2;
            for (int s = 0; s < _subOffsets.Length; s++)
            {
                Paint(z + _subOffsets[s]);
                Add(acc, _canvas.Hu);
                if (s == middle)
                {
                    _canvas.Labels.CopyTo(labels);
                }
            }

            VectorMath.MultiplyAdd(acc, 1f / _subOffsets.Length, 0);
        }

        if (_subOffsets.Length == 1)
        {
            _canvas.Labels.CopyTo(labels);
        }

        AddNoise(acc, index);
        SliceFilters.Blur(acc, _scratch, _scan.Size, _scan.Size);
        SliceFilters.Quantize(acc, hu);
    }

    private void Paint(double z)
    {
        _canvas.Clear(AirHu);
        foreach (IPhantomStructure structure in _anatomy.Structures)
        {
            structure.Paint(_canvas, z);
        }
    }

    // Noise before the blur, scaled so the blurred output has the requested standard deviation; the blur gives
    // it the fine in-plane correlation of CT noise.
    private void AddNoise(Span<float> acc, int index)
    {
        float sigma = (float)(_scan.NoiseSigmaHu / SliceFilters.BlurNoiseGain);
        if (sigma == 0)
        {
            return;
        }

        var noise = new NoiseSource(_scan.Seed, index);
        for (int i = 0; i < acc.Length; i++)
        {
            acc[i] += sigma * noise.NextGaussian();
        }
    }

    private static void Add(Span<float> acc, ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= acc.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(acc.Slice(i)) + new Vector<float>(values.Slice(i))).CopyTo(acc.Slice(i));
            }
        }

        for (; i < acc.Length; i++)
        {
            acc[i] += values[i];
        }
    }
}
