namespace Edge.Inference.Packages;

/// <summary>Intensity normalisation; every statistic is stored in the manifest, nothing is computed per scan.</summary>
public sealed record NormalizationSpec
{
    public required NormalizationScheme Scheme { get; init; }
    public required double Mean { get; init; }
    public required double Std { get; init; }

    /// <summary>For <see cref="NormalizationScheme.CtPercentile"/>: the HU values of the stored percentiles.</summary>
    public (double Low, double High)? Clip { get; init; }

    /// <summary>For <see cref="NormalizationScheme.CtPercentile"/>: which percentiles <see cref="Clip"/> holds (default 0.5 and 99.5).</summary>
    public (double Low, double High) Percentiles { get; init; } = (0.5, 99.5);
}
