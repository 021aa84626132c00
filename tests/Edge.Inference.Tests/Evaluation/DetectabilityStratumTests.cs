using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.Evaluation;

public sealed class DetectabilityStratumTests
{
    [Fact]
    public void Strata_split_lesions_at_3_and_5_and_score_each_against_every_negative()
    {
        CaseOutcome[] outcomes =
        [
            Negative(0, 0.1), Negative(1, 0.4), Negative(2, 0.6), Negative(3, 0.9),
            Lesion(4, 0.5, 1.0), Lesion(5, 0.95, 2.99),
            Lesion(6, 0.2, 3.0), Lesion(7, 0.7, 4.99),
            Lesion(8, 0.95, 5.0), Lesion(9, 0.99, 12),
            Lesion(10, 0.0, null),
        ];

        IReadOnlyList<DetectabilityStratum> strata = DetectabilityStratum.Measure(outcomes, threshold: 0.8);

        Assert.Equal([(0.0, (double?)3.0), (3.0, 5.0), (5.0, null)], strata.Select(s => (s.MinIndex, s.MaxIndex)));
        Assert.Equal([2, 2, 2], strata.Select(s => s.Lesions));
        Assert.Equal([1, 0, 2], strata.Select(s => s.Detected));
        Assert.Equal([0.5, 0.0, 1.0], strata.Select(s => s.Sensitivity));
        // Against 0.1, 0.4, 0.6, 0.9: 0.5 beats 2 and 0.95 beats 4 → 6/8; 0.2 beats 1 and 0.7 beats 3 → 4/8; 8/8.
        Assert.Equal([0.75, 0.5, 1.0], strata.Select(s => s.Auc));
    }

    [Fact]
    public void An_empty_stratum_has_no_sensitivity_or_auc()
    {
        IReadOnlyList<DetectabilityStratum> strata = DetectabilityStratum.Measure([Negative(0, 0.3), Lesion(1, 0.6, 7)], threshold: 0.5);

        Assert.Equal([0, 0, 1], strata.Select(s => s.Lesions));
        Assert.Null(strata[0].Sensitivity);
        Assert.Null(strata[0].Auc);
        Assert.Equal(1.0, strata[2].Auc);
        Assert.Null(DetectabilityStratum.Measure([Lesion(0, 0.6, 7)], 0.5)[2].Auc);
    }

    internal static CaseOutcome Negative(int index, double score) =>
        new(Case(index, null), score, ScreeningDecision.Negative, null, 0, 1) { NoiseSigmaHu = 10, PixelSpacingMm = 1.5 };

    internal static CaseOutcome Lesion(int index, double score, double? detectability) =>
        new(Case(index, 12), score, ScreeningDecision.Suspicious, null, 1, 1) { NoiseSigmaHu = 10, PixelSpacingMm = 1.5, Detectability = detectability };

    private static CohortCase Case(int index, double? lesionMm) => new()
    {
        Index = index,
        Seed = index + 1,
        Size = 192,
        ThicknessMm = 2.5,
        Slices = 80,
        LesionMm = lesionMm,
        Site = lesionMm is null ? null : "head",
        ContrastHu = lesionMm is null ? null : 15,
    };
}
