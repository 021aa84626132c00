namespace Edge.Inference.Packages;

/// <summary>How a CT volume becomes network input: orientation, spacing, HU clip and normalisation.</summary>
public sealed record PreprocessingSpec
{
    /// <summary>Voxel axis convention the network expects; "LPS" means array x → patient left, y → posterior, z → superior.</summary>
    public required string Orientation { get; init; }

    /// <summary>Target spacing in mm, ordered z, y, x.</summary>
    public required double[] TargetSpacingMm { get; init; }

    /// <summary>Optional HU window applied before normalisation.</summary>
    public (double Low, double High)? HuClip { get; init; }

    public required NormalizationSpec Normalization { get; init; }

    /// <summary>Gaussian anti-aliasing before downsampling (see <c>AntialiasFilter</c>); the network must have been trained with it.</summary>
    public bool Antialias { get; init; }

    /// <summary>Value given to voxels outside the volume (nnU-Net pads the normalised image with 0).</summary>
    public float PadValue { get; init; }
}
