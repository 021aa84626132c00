namespace Edge.Imaging.Phantom;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: fast, reproducible per (seed, slice), so a
/// slice's noise does not depend on which thread renders it.
/// </summary>
internal struct NoiseSource
{
    // Sum of four 16-bit uniforms: mean 4·32767.5, standard deviation 65536/√3 (Irwin–Hall, n = 4).
    private const double FourUniformMean = 4 * 32767.5;
    private const double FourUniformInverseSd = 1.7320508075688772 / 65536.0;

    private ulong _s0, _s1, _s2, _s3;

    public NoiseSource(long seed, long stream)
    {
        ulong state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ unchecked((ulong)stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>An approximately standard-normal value from one 64-bit draw (four 16-bit uniforms summed).</summary>
    public float NextGaussian()
    {
        ulong r = NextUInt64();
        uint sum = (uint)(r & 0xFFFF) + (uint)((r >> 16) & 0xFFFF) + (uint)((r >> 32) & 0xFFFF) + (uint)(r >> 48);
        return (float)((sum - FourUniformMean) * FourUniformInverseSd);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
