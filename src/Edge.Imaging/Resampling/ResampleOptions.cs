namespace Edge.Imaging.Resampling;

/// <summary>How to run a resampling; the defaults are the fast path.</summary>
public sealed record ResampleOptions
{
    public static ResampleOptions Default { get; } = new();

    /// <summary>Use SIMD kernels (<see cref="System.Numerics.Vector{T}"/>, AVX2 gathers); false runs the same passes in scalar code.</summary>
    public bool UseSimd { get; init; } = true;

    /// <summary>Threads to use; -1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
