namespace Edge.Imaging.Phantom;

/// <summary>The acquisition actually used for a phantom, every seeded choice resolved.</summary>
public sealed record PhantomScan(
    int Seed,
    int Size,
    int Slices,
    double SliceThicknessMm,
    double SliceSpacingMm,
    double PixelSpacingMm,
    double NoiseSigmaHu,
    double TableOffsetMm,
    double FirstSliceAnatomicalZ)
{
    /// <summary>
    /// Taps of the separable in-plane reconstruction blur that <see cref="SliceFilters.Blur"/> applies to every slice
    /// after the noise (rows, then columns: the 2-D kernel is their outer product), so consumers can derive the noise
    /// correlation it introduces.
    /// </summary>
    public static IReadOnlyList<double> BlurKernel { get; } = [0.25, 0.5, 0.25];
}
