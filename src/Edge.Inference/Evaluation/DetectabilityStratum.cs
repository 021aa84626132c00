namespace Edge.Inference.Evaluation;

/// <summary>
/// The lesions whose detectability index d′ lies in [<see cref="MinIndex"/>, <see cref="MaxIndex"/>) (no upper bound
/// when null): how many the model called at the operating point, and the AUC of those positives against every
/// lesion-free case of the cohort (null when either side is empty).
/// </summary>
public sealed record DetectabilityStratum(double MinIndex, double? MaxIndex, int Lesions, int Detected, double? Auc)
{
    /// <summary>The strata reported: below Rose's range, within it, and at or above his search criterion.</summary>
    public static readonly (double Min, double? Max)[] Bounds =
        [(0, LesionDetectability.MarginalThreshold), (LesionDetectability.MarginalThreshold, LesionDetectability.SearchThreshold), (LesionDetectability.SearchThreshold, null)];

    public double? Sensitivity => Lesions == 0 ? null : (double)Detected / Lesions;

    /// <summary>One stratum per <see cref="Bounds"/> entry; lesion cases without an index are left out.</summary>
    public static IReadOnlyList<DetectabilityStratum> Measure(IReadOnlyList<CaseOutcome> outcomes, double threshold)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        double[] negatives = [.. outcomes.Where(o => !o.Case.HasLesion).Select(o => o.Score)];
        var strata = new List<DetectabilityStratum>(Bounds.Length);
        foreach ((double min, double? max) in Bounds)
        {
            double[] positives = [.. outcomes
                .Where(o => o.Case.HasLesion && o.Detectability is { } d && d >= min && (max is null || d < max))
                .Select(o => o.Score)];
            double? auc = positives.Length == 0 || negatives.Length == 0
                ? null
                : BinaryMetrics.Auc([.. positives, .. negatives], [.. positives.Select(_ => true), .. negatives.Select(_ => false)]);
            strata.Add(new DetectabilityStratum(min, max, positives.Length, positives.Count(s => s >= threshold), auc));
        }

        return strata;
    }
}
