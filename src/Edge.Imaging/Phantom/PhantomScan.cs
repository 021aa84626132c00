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
    double FirstSliceAnatomicalZ);
