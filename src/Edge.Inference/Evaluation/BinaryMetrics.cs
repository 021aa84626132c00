namespace Edge.Inference.Evaluation;

/// <summary>ROC analysis of case scores against truth.</summary>
public static class BinaryMetrics
{
    /// <summary>Area under the ROC curve as the Mann–Whitney probability that a positive outscores a negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> truth)
    {
        Check(scores, truth);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (!truth[i])
            {
                continue;
            }

            for (int j = 0; j < scores.Count; j++)
            {
                if (truth[j])
                {
                    continue;
                }

                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }

        return pairs == 0 ? double.NaN : wins / pairs;
    }

    /// <summary>Sensitivity and specificity when cases scoring at or above <paramref name="threshold"/> are called positive.</summary>
    public static (double Sensitivity, double Specificity) At(IReadOnlyList<double> scores, IReadOnlyList<bool> truth, double threshold)
    {
        Check(scores, truth);
        int tp = 0, p = 0, tn = 0, n = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            bool called = scores[i] >= threshold;
            if (truth[i])
            {
                p++;
                tp += called ? 1 : 0;
            }
            else
            {
                n++;
                tn += called ? 0 : 1;
            }
        }

        return (p == 0 ? double.NaN : (double)tp / p, n == 0 ? double.NaN : (double)tn / n);
    }

    /// <summary>The ROC curve from (0, 0) to (1, 1), one point per distinct score (false-positive rate, true-positive rate, threshold).</summary>
    public static IReadOnlyList<RocPoint> Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> truth)
    {
        Check(scores, truth);
        int positives = truth.Count(t => t), negatives = truth.Count - positives;
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        int tp = 0, fp = 0;
        foreach (IGrouping<double, int> group in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (int i in group)
            {
                tp += truth[i] ? 1 : 0;
                fp += truth[i] ? 0 : 1;
            }

            points.Add(new RocPoint(negatives == 0 ? 0 : (double)fp / negatives, positives == 0 ? 0 : (double)tp / positives, group.Key));
        }

        return points;
    }

    private static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> truth)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(truth);
        if (scores.Count != truth.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {truth.Count} truth values");
        }
    }
}
