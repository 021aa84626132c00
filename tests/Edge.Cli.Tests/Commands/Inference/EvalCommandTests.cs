using System.Text.Json;
using Edge.Cli.Commands.Inference;
using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Cli.Tests.Commands.Inference;

/// <summary>The report <c>edgectl eval</c> prints, from a constructed evaluation (the cohort run itself is in Edge.Inference.Tests).</summary>
public sealed class EvalCommandTests
{
    [Fact]
    public void Json_keeps_the_fields_train_py_reads_and_adds_detectability()
    {
        using JsonDocument json = JsonDocument.Parse(EvalCommand.ToJson(Report()));
        JsonElement root = json.RootElement;

        // What train.py's appliance_eval/summarise read, unchanged.
        Assert.Equal(0.75, root.GetProperty("auc").GetDouble());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.Equal(4, root.GetProperty("bySize").GetArrayLength());
        JsonElement lesion = root.GetProperty("cases")[0];
        Assert.True(lesion.GetProperty("lesion").GetBoolean());
        Assert.Equal(6.2, lesion.GetProperty("lesionMm").GetDouble());
        Assert.Equal(0.4123456789, lesion.GetProperty("score").GetDouble());

        Assert.Equal(1.9556, lesion.GetProperty("pixelSpacingMm").GetDouble());
        Assert.Equal(12.5, lesion.GetProperty("noiseSigmaHu").GetDouble());
        Assert.Equal(2.346, lesion.GetProperty("detectability").GetDouble());
        JsonElement negative = root.GetProperty("cases")[1];
        Assert.False(negative.GetProperty("lesion").GetBoolean());
        Assert.Equal(JsonValueKind.Null, negative.GetProperty("detectability").ValueKind);
        Assert.Equal(8.0, negative.GetProperty("noiseSigmaHu").GetDouble());

        JsonElement[] strata = [.. root.GetProperty("byDetectability").EnumerateArray()];
        Assert.Equal(3, strata.Length);
        Assert.Equal(0, strata[0].GetProperty("minDetectability").GetDouble());
        Assert.Equal(3, strata[0].GetProperty("maxDetectability").GetDouble());
        Assert.Equal(1, strata[0].GetProperty("lesions").GetInt32());
        Assert.Equal(0, strata[0].GetProperty("detected").GetInt32());
        Assert.Equal(0, strata[0].GetProperty("sensitivity").GetDouble());
        Assert.Equal(0.5, strata[0].GetProperty("auc").GetDouble());
        Assert.Equal(JsonValueKind.Null, strata[1].GetProperty("sensitivity").ValueKind);
        Assert.Equal(JsonValueKind.Null, strata[1].GetProperty("auc").ValueKind);
        Assert.Equal(JsonValueKind.Null, strata[2].GetProperty("maxDetectability").ValueKind);
        Assert.Equal(1.0, strata[2].GetProperty("auc").GetDouble());
    }

    [Fact]
    public void Text_shows_the_detectability_strata_after_the_size_bins()
    {
        string text = EvalCommand.ToText(Report(), plot: null);

        int size = text.IndexOf("lesions 5-10 mm", StringComparison.Ordinal);
        int strata = text.IndexOf("Rose detectability", StringComparison.Ordinal);
        Assert.True(size >= 0 && strata > size, text);
        Assert.Contains("d' < 3    0/1 detected (0.00), AUC 0.500 against all negatives", text, StringComparison.Ordinal);
        Assert.Contains("d' 3-5    0/0 detected", text, StringComparison.Ordinal);
        Assert.Contains("d' >= 5   1/1 detected (1.00), AUC 1.000 against all negatives", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_index_is_written_as_null()
    {
        EvaluationReport report = Report();
        CaseOutcome noiseless = report.Cases[0] with { NoiseSigmaHu = 0, Detectability = double.PositiveInfinity };
        using JsonDocument json = JsonDocument.Parse(EvalCommand.ToJson(report with { Cases = [noiseless] }));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cases")[0].GetProperty("detectability").ValueKind);
    }

    private static EvaluationReport Report()
    {
        CaseOutcome[] cases =
        [
            new(Case(0, 6.2), 0.4123456789, ScreeningDecision.Negative, null, 0, 1.5) { NoiseSigmaHu = 12.5, PixelSpacingMm = 1.9556, Detectability = 2.3456 },
            new(Case(1, null), 0.4123456789, ScreeningDecision.Negative, null, 0, 1.5) { NoiseSigmaHu = 8, PixelSpacingMm = 1.8 },
            new(Case(2, 24), 0.99, ScreeningDecision.Suspicious, null, 1, 1.5) { NoiseSigmaHu = 9, PixelSpacingMm = 2.0, Detectability = 18 },
        ];
        const double Threshold = 0.9;
        return new EvaluationReport
        {
            Model = "pancreas-ref",
            Version = "1.0.0",
            Cohort = cases.Length,
            Seed = 7,
            Auc = 0.75,
            Sensitivity = 0.5,
            Specificity = 1,
            Threshold = Threshold,
            TargetSpecificity = 0.99,
            BySize = [.. CohortPlanner.SizeBins.Select(b => new SizeBinResult(b.Min, b.Max, 0, 0))],
            ByDetectability = DetectabilityStratum.Measure(cases, Threshold),
            Roc = [],
            Cases = cases,
        };
    }

    private static CohortCase Case(int index, double? lesionMm) => new()
    {
        Index = index,
        Seed = index + 1,
        Size = 192,
        ThicknessMm = 5,
        Slices = 40,
        LesionMm = lesionMm,
        Site = lesionMm is null ? null : "body",
        ContrastHu = lesionMm is null ? null : 9.5,
    };
}
