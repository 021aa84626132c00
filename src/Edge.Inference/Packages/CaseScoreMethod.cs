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

    /// <summary>
    /// As <see cref="MaxSmoothedProbability"/>, but only boxes centred inside the predicted organ (the largest connected
    /// component of organ and finding voxels, grown by <see cref="CaseScoreSpec.OrganMarginMm"/>) count, as PANDA scores
    /// lesions within the pancreas: look-alikes beside the organ (bowel fluid, vessels) cannot raise the score. The whole
    /// map counts when the network finds no organ voxel.
    /// </summary>
    MaxSmoothedProbabilityInOrgan,
}
