using Edge.Imaging.Phantom;

namespace Edge.Inference.Evaluation;

/// <summary>
/// Draws an evaluation cohort from a seed: half the phantoms carry one lesion (diameter spread evenly over 5–40 mm by
/// cycling through the 5–10, 10–20, 20–30 and 30–40 mm bins, head/body/tail in turn, 5–30 HU below the pancreas, the
/// generator's range for non-contrast lesions); slice thickness is drawn from the generator's clinical list and the
/// slice count gives 160–220 mm of coverage.
/// <para>
/// With a detectability floor (<see cref="LesionRange.MinDetectability"/>) each lesion case is previewed (the
/// generator's seeded scan and lesion position, nothing rendered) and its contrast drawn between the least that reaches
/// the floor in that scan (d′ is proportional to contrast) and the range's top. When even the top contrast falls short
/// (a 5 mm lesion in noisy 5 mm slices), the case is redrawn: thickness, coverage, phantom seed and the diameter within
/// its size bin, keeping the bin and site, so small lesions end up in the thinner, quieter scans and towards the top of
/// their bin, where they can be seen at all (at a coarse matrix, e.g. 192, a 5 mm lesion is below d′ 5 in every scan
/// of the generator's range: the phantom's noise is per pixel whatever the pixel's size).
/// </para>
/// </summary>
public static class CohortPlanner
{
    /// <summary>The lesion-size bins reported (mm, lower bound inclusive).</summary>
    public static readonly (double Min, double Max)[] SizeBins = [(5, 10), (10, 20), (20, 30), (30, 40)];

    private static readonly double[] Thicknesses = [1.0, 1.25, 2.0, 2.5, 3.0, 5.0];
    private static readonly string[] Sites = ["head", "body", "tail"];

    // Redraws of one lesion case before giving up. The tightest bin of the default floor (5–10 mm at a 192 matrix,
    // where about one draw in five reaches d′ 5 within 30 HU) succeeds within 30 draws with probability
    // 1 - 0.8^30 > 0.999; failing 200 means the floor is out of reach for that bin.
    private const int MaxScanDraws = 200;

    // Keeps each redraw's phantom seed apart from every first-draw seed of any cohort index.
    private const int RedrawSeedStride = 1_000_003;

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
            int caseSeed = unchecked((seed * 7919) + i + 1) & int.MaxValue;
            double thickness = Thicknesses[random.Next(Thicknesses.Length)];
            double coverage = 160 + (random.NextDouble() * 60);
            if (!lesion[i])
            {
                cases.Add(Case(i, caseSeed, size, thickness, coverage));
                continue;
            }

            (double min, double max) = bins[positive % bins.Length];
            double lesionMm = Math.Round(min + (random.NextDouble() * (max - min)), 1);
            string site = Sites[positive / bins.Length % Sites.Length];
            positive++;

            // Drawn whatever the floor, so a floor changes only the lesion cases, never the draws of the cases after them.
            double share = random.NextDouble();
            CohortCase planned = Case(i, caseSeed, size, thickness, coverage) with { LesionMm = lesionMm, Site = site };
            cases.Add(lesions.MinDetectability <= 0
                ? planned with { ContrastHu = Math.Round(lesions.MinContrastHu + (share * (lesions.MaxContrastHu - lesions.MinContrastHu)), 1) }
                : DetectableCase(planned, (min, max), share, lesions, caseSeed));
        }

        return cases;
    }

    private static CohortCase Case(int index, int seed, int size, double thickness, double coverage) => new()
    {
        Index = index,
        Seed = seed,
        Size = size,
        ThicknessMm = thickness,
        Slices = Math.Max(20, (int)Math.Round(coverage / thickness)),
    };

    /// <param name="share">Where in the reachable contrast range the lesion falls (0–1), drawn from the cohort's stream.</param>
    /// <param name="redrawSeed">Seeds the case's own redraws, kept off the cohort's stream.</param>
    private static CohortCase DetectableCase(CohortCase candidate, (double Min, double Max) bin, double share, LesionRange lesions, int redrawSeed)
    {
        Random? random = null;
        for (int draw = 1; draw <= MaxScanDraws; draw++)
        {
            double perHu = LesionDetectability.PerHu(PhantomGenerator.Preview(Options(candidate)));

            // Rounded up to the 0.1 HU the plan records, so the rounded contrast still reaches the floor.
            double least = Math.Ceiling(Math.Max(lesions.MinContrastHu, lesions.MinDetectability / perHu) * 10) / 10;
            if (least <= lesions.MaxContrastHu)
            {
                double contrast = Math.Round(least + (share * (lesions.MaxContrastHu - least)), 1);
                return candidate with { ContrastHu = Math.Max(least, contrast) };
            }

            random ??= new Random(redrawSeed);

            double thickness = Thicknesses[random.Next(Thicknesses.Length)];
            double coverage = 160 + (random.NextDouble() * 60);
            double lesionMm = Math.Round(bin.Min + (random.NextDouble() * (bin.Max - bin.Min)), 1);
            candidate = Case(candidate.Index, unchecked(candidate.Seed + (draw * RedrawSeedStride)) & int.MaxValue, candidate.Size, thickness, coverage)
                with { LesionMm = lesionMm, Site = candidate.Site };
        }

        throw new ArgumentException(
            $"no scan of {MaxScanDraws} drawn lets a {bin.Min:0.#}-{bin.Max:0.#} mm lesion reach d' {lesions.MinDetectability:0.#} within " +
            $"{lesions.MinContrastHu:0.#}-{lesions.MaxContrastHu:0.#} HU at a {candidate.Size} matrix (coarser pixels average less noise away in the phantom)",
            nameof(lesions));
    }

    /// <summary>The generator options that render <paramref name="item"/>.</summary>
    public static PhantomOptions Options(CohortCase item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new PhantomOptions
        {
            Seed = item.Seed,
            Size = item.Size,
            Slices = item.Slices,
            SliceThicknessMm = item.ThicknessMm,
            Lesion = item.HasLesion,
            LesionDiameterMm = item.LesionMm,
            LesionSite = item.Site is null ? null : Enum.Parse<PancreasSite>(item.Site, ignoreCase: true),
            LesionContrastHu = item.ContrastHu,
        };
    }
}
