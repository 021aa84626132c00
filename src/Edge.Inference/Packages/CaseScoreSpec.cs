namespace Edge.Inference.Packages;

/// <summary>How the case-level probability is derived from the main network's probability map.</summary>
public sealed record CaseScoreSpec
{
    public required CaseScoreMethod Method { get; init; }

    /// <summary>The output channel whose probability is scored.</summary>
    public required int Channel { get; init; }

    /// <summary>Edge of the averaging box in mm for <see cref="CaseScoreMethod.MaxSmoothedProbability"/>.</summary>
    public double KernelMm { get; init; }

    /// <summary>How far (mm) beyond the predicted organ a box centre may lie, for <see cref="CaseScoreMethod.MaxSmoothedProbabilityInOrgan"/>.</summary>
    public double OrganMarginMm { get; init; }
}
