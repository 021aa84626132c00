using System.Globalization;

namespace Edge.Inference.Screening;

/// <summary>
/// Case probabilities and thresholds as people read them (reports, CLI, demo). Three decimals suit most scores, but an
/// operating point calibrated for 99 % specificity can sit at 0.99984, which three decimals show as 1.000: it reads as
/// if nothing could pass, and a passing score reads the same as the threshold. Values that close to 1 keep decimals
/// until two digits of their distance to 1 show.
/// </summary>
public static class ScoreText
{
    private const int Decimals = 3;

    // Scores are float32 softmax outputs: about seven significant decimals, so more would print noise.
    private const int MaxDecimals = 8;

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        double gap = 1 - value;
        int decimals = gap is > 0 and < 0.01
            ? Math.Clamp((int)Math.Ceiling(-Math.Log10(gap)) + 1, Decimals, MaxDecimals)
            : Decimals;
        string format = "0." + new string('0', Decimals) + new string('#', decimals - Decimals);
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
