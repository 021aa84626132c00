namespace Edge.Inference.Evaluation;

/// <summary>
/// The lesions a cohort draws from: diameter (mm) and how far below the pancreas they attenuate (HU). The default is the
/// phantom generator's whole non-contrast range; a narrower range stratifies an evaluation (e.g. conspicuous lesions only,
/// to tell a pipeline defect from the limit of what the model can see).
/// </summary>
public sealed record LesionRange(double MinMm = 5, double MaxMm = 40, double MinContrastHu = 5, double MaxContrastHu = 30)
{
    public static readonly LesionRange Full = new();

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

        return errors;
    }

    public override string ToString() => $"{MinMm:0.#}-{MaxMm:0.#} mm, {MinContrastHu:0.#}-{MaxContrastHu:0.#} HU";
}
