namespace Edge.Inference.Packages;

/// <summary>How probabilities become a label map and findings.</summary>
public sealed record PostprocessingSpec
{
    /// <summary>True: label = most probable class (softmax) or most probable channel above 0.5 (sigmoid).</summary>
    public bool Argmax { get; init; } = true;

    /// <summary>3D neighbourhood for connected components: 6 (faces), 18 (edges) or 26 (corners).</summary>
    public int Connectivity { get; init; } = 26;

    /// <summary>Finding components smaller than this are discarded as noise.</summary>
    public double MinFindingVolumeMl { get; init; }

    /// <summary>Keep only the largest connected component of the organ label (nnU-Net's usual post-processing for single organs).</summary>
    public bool KeepLargestOrganComponent { get; init; }

    /// <summary>
    /// When set, a finding component counts only if it reaches into the predicted organ (the largest connected component
    /// of organ and finding voxels) grown by this many mm; the others are cleared from the label map. Null: every
    /// finding component counts.
    /// </summary>
    public double? FindingOrganMarginMm { get; init; }
}
