using Edge.Inference.Evaluation;

namespace Edge.Inference.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Auc_counts_ordered_pairs_and_half_ties()
    {
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.2];
        bool[] truth = [true, false, true, false, true, false];
        // positives 0.9, 0.7, 0.55 vs negatives 0.8, 0.6, 0.2: wins 3 + 2 + 1 = 6 of 9.
        Assert.Equal(6.0 / 9, BinaryMetrics.Auc(scores, truth), 12);
        Assert.Equal(0.5, BinaryMetrics.Auc([0.5, 0.5], [true, false]));
        Assert.Equal(1.0, BinaryMetrics.Auc([0.9, 0.1], [true, false]));
    }

    [Fact]
    public void Rates_at_a_threshold_call_scores_at_or_above_it_positive()
    {
        (double sensitivity, double specificity) = BinaryMetrics.At([0.9, 0.5, 0.4, 0.5, 0.1], [true, true, true, false, false], 0.5);
        Assert.Equal(2.0 / 3, sensitivity, 12);
        Assert.Equal(0.5, specificity);
    }

    [Fact]
    public void Roc_runs_from_origin_to_one_one_through_each_distinct_score()
    {
        IReadOnlyList<RocPoint> roc = BinaryMetrics.Roc([0.9, 0.8, 0.8, 0.1], [true, true, false, false]);
        Assert.Equal(
            [(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)],
            roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)));
    }
}
