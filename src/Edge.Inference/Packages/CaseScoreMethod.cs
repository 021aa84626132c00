namespace Edge.Inference.Packages;

public enum CaseScoreMethod
{
    /// <summary>The highest voxel probability of the label.</summary>
    MaxProbability,

    /// <summary>
    /// The highest mean probability of the label over a box of <see cref="CaseScoreSpec.KernelMm"/>; unlike the plain
    /// maximum, one speckle voxel cannot raise it, and it is continuous for negatives too (so the ROC has no ties at 0).
    /// </summary>
    MaxSmoothedProbability,
}
