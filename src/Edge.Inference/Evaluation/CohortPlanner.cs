namespace Edge.Inference.Evaluation;

/// <summary>
/// Draws an evaluation cohort from a seed: half the phantoms carry one lesion (diameter spread evenly over 5–40 mm by
/// cycling through the 5–10, 10–20, 20–30 and 30–40 mm bins, head/body/tail in turn, 5–30 HU below the pancreas, the
/// generator's range for non-contrast lesions); slice thickness is drawn from the generator's clinical list and the
/// slice count gives 160–220 mm of coverage.
/// </summary>
public static class CohortPlanner
{
    /// <summary>The lesion-size bins reported (mm, lower bound inclusive).</summary>
    public static readonly (double Min, double Max)[] SizeBins = [(5, 10), (10, 20), (20, 30), (30, 40)];

    private static readonly double[] Thicknesses = [1.0, 1.25, 2.0, 2.5, 3.0, 5.0];
    private static readonly string[] Sites = ["head", "body", "tail"];

    public static IReadOnlyList<CohortCase> Plan(int count, int seed, int size, LesionRange? lesions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        lesions ??= LesionRange.Full;
        if (lesions.Validate() is [string problem, ..])
        {
            throw new ArgumentException(problem, nameof(lesions));
        }

        // The size bins the range overlaps, clipped to it; the full range keeps the four bins and so the same draws.
        (double Min, double Max)[] bins = [.. SizeBins.Where(b => b.Max > lesions.MinMm && b.Min < lesions.MaxMm)
            .Select(b => (Math.Max(b.Min, lesions.MinMm), Math.Min(b.Max, lesions.MaxMm)))];
        var random = new Random(seed);
        int positives = count / 2;
        bool[] lesion = [.. Enumerable.Range(0, count).Select(i => i < positives)];
        random.Shuffle(lesion);
        var cases = new List<CohortCase>(count);
        int positive = 0;
        for (int i = 0; i < count; i++)
        {
            double thickness = Thicknesses[random.Next(Thicknesses.Length)];
            double coverage = 160 + (random.NextDouble() * 60);
            double lesionMm = 0, contrast = 0;
            string site = Sites[0];
            if (lesion[i])
            {
                (double min, double max) = bins[positive % bins.Length];
                lesionMm = Math.Round(min + (random.NextDouble() * (max - min)), 1);
                site = Sites[positive / bins.Length % Sites.Length];
                contrast = Math.Round(lesions.MinContrastHu + (random.NextDouble() * (lesions.MaxContrastHu - lesions.MinContrastHu)), 1);
                positive++;
            }

            cases.Add(new CohortCase
            {
                Index = i,
                Seed = unchecked((seed * 7919) + i + 1) & int.MaxValue,
                Size = size,
                ThicknessMm = thickness,
                Slices = Math.Max(20, (int)Math.Round(coverage / thickness)),
                LesionMm = lesion[i] ? lesionMm : null,
                Site = lesion[i] ? site : null,
                ContrastHu = lesion[i] ? contrast : null,
            });
        }

        return cases;
    }
}
