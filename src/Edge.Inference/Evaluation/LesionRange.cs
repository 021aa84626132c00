namespace Edge.Inference.Evaluation;

/// <summary>
/// The lesions a cohort draws from: diameter (mm), how far below the pancreas they attenuate (HU), and the least Rose
/// detectability index d′ a lesion must reach in its own scan (<see cref="LesionDetectability"/>; 0: no floor).
/// <see cref="Full"/> is the phantom generator's whole non-contrast range, about a quarter of whose lesions lie below
/// d′ = 5, beneath the noise for any observer; <see cref="Detectable"/> keeps the same size bins, sites and lesion-free
/// phantoms but draws each lesion's contrast between what makes it detectable in search and the range's top, redrawing
/// a lesion's scan and diameter (within its bin) where even the top contrast is not enough (<see cref="CohortPlanner"/>).
/// A narrower range stratifies an evaluation further.
/// </summary>
public sealed record LesionRange(double MinMm = 5, double MaxMm = 40, double MinContrastHu = 5, double MaxContrastHu = 30, double MinDetectability = 0)
{
    // Far above Rose's criterion (5): a 40 mm lesion 30 HU down in 1 mm slices reaches a few hundred, but a floor of 50
    // already rules out most small lesions in any scan of the generator's range, so a higher one is a typo.
    private const double MaxDetectabilityFloor = 50;

    public static readonly LesionRange Full = new();

    /// <summary>The full range of sizes and contrasts, every lesion at or above Rose's criterion for search.</summary>
    public static readonly LesionRange Detectable = Full with { MinDetectability = LesionDetectability.SearchThreshold };

    /// <summary>Every bound problem, each naming its option; empty when the range is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinMm < Full.MinMm || MaxMm > Full.MaxMm || MinMm >= MaxMm)
        {
            errors.Add($"lesion diameter must be a range within {Full.MinMm}-{Full.MaxMm} mm (was {MinMm}-{MaxMm})");
        }

        if (MinContrastHu < Full.MinContrastHu || MaxContrastHu > Full.MaxContrastHu || MinContrastHu > MaxContrastHu)
        {
            errors.Add($"lesion contrast must be a range within {Full.MinContrastHu}-{Full.MaxContrastHu} HU (was {MinContrastHu}-{MaxContrastHu})");
        }

        if (!(MinDetectability >= 0 && MinDetectability <= MaxDetectabilityFloor))
        {
            errors.Add($"lesion detectability floor must be 0-{MaxDetectabilityFloor} (was {MinDetectability})");
        }

        return errors;
    }

    public override string ToString() =>
        $"{MinMm:0.#}-{MaxMm:0.#} mm, {MinContrastHu:0.#}-{MaxContrastHu:0.#} HU" + (MinDetectability > 0 ? $", d' >= {MinDetectability:0.#}" : "");
}
