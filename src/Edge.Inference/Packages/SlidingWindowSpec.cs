namespace Edge.Inference.Packages;

/// <summary>nnU-Net style tiled prediction settings.</summary>
public sealed record SlidingWindowSpec
{
    /// <summary>Patch size in voxels, ordered z, y, x.</summary>
    public required int[] PatchSize { get; init; }

    /// <summary>Fraction of a patch that neighbouring tiles share; nnU-Net's default step of half a patch is 0.5.</summary>
    public double Overlap { get; init; } = 0.5;

    /// <summary>Gaussian σ as a fraction of the patch size; nnU-Net uses 1/8.</summary>
    public double SigmaScale { get; init; } = 0.125;

    /// <summary>Patches per network call; also the fixed batch dimension of TensorRT profiles.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Spatial axes (0 = z, 1 = y, 2 = x) mirrored for test-time augmentation; every combination is run.</summary>
    public int[] MirrorAxes { get; init; } = [];
}
