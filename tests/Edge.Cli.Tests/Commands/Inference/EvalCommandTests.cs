using System.CommandLine;
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
        using JsonDocument json = JsonDocument.Parse(EvalCommand.ToJson(Report(), LesionRange.Detectable));
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
        string text = EvalCommand.ToText(Report(), LesionRange.Detectable, plot: null);

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
        using JsonDocument json = JsonDocument.Parse(EvalCommand.ToJson(report with { Cases = [noiseless] }, LesionRange.Full));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cases")[0].GetProperty("detectability").ValueKind);
    }

    [Fact]
    public void Json_records_the_lesion_range_the_cohort_was_drawn_from()
    {
        using JsonDocument detectable = JsonDocument.Parse(EvalCommand.ToJson(Report(), LesionRange.Detectable));
        using JsonDocument narrow = JsonDocument.Parse(EvalCommand.ToJson(Report(), new LesionRange(10, 30, 12.5, 25)));

        JsonElement lesions = detectable.RootElement.GetProperty("lesions");
        Assert.Equal(JsonValueKind.Object, lesions.ValueKind);
        Assert.Equal(5, lesions.GetProperty("minMm").GetDouble());
        Assert.Equal(40, lesions.GetProperty("maxMm").GetDouble());
        Assert.Equal(5, lesions.GetProperty("minContrastHu").GetDouble());
        Assert.Equal(30, lesions.GetProperty("maxContrastHu").GetDouble());
        Assert.Equal(5, lesions.GetProperty("minDetectability").GetDouble());
        Assert.Equal(5, lesions.EnumerateObject().Count());

        JsonElement other = narrow.RootElement.GetProperty("lesions");
        Assert.Equal(10, other.GetProperty("minMm").GetDouble());
        Assert.Equal(30, other.GetProperty("maxMm").GetDouble());
        Assert.Equal(12.5, other.GetProperty("minContrastHu").GetDouble());
        Assert.Equal(25, other.GetProperty("maxContrastHu").GetDouble());
        Assert.Equal(0, other.GetProperty("minDetectability").GetDouble());
    }

    [Fact]
    public void Text_names_the_lesion_range_and_its_floor_only_when_set()
    {
        string detectable = EvalCommand.ToText(Report(), LesionRange.Detectable, plot: null);
        string full = EvalCommand.ToText(Report(), LesionRange.Full, plot: null);

        Assert.Contains("  lesions drawn: 5-40 mm, 5-30 HU, d' >= 5" + Environment.NewLine, detectable, StringComparison.Ordinal);
        Assert.Contains("  lesions drawn: 5-40 mm, 5-30 HU" + Environment.NewLine, full, StringComparison.Ordinal);
        string line = full.Split(Environment.NewLine).Single(l => l.Contains("lesions drawn", StringComparison.Ordinal));
        Assert.DoesNotContain("d'", line, StringComparison.Ordinal);

        // Second line, right after the heading.
        Assert.StartsWith("  lesions drawn:", detectable.Split(Environment.NewLine)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_floor_the_plan_cannot_reach_exits_1_before_any_model_is_opened()
    {
        // Planning comes before the model store is opened, so no model is needed: a 64 matrix averages too little noise
        // away for a 5-10 mm lesion to reach d' 50 in any scan of the generator's range.
        (int exit, string output, string error) = Run("eval", "--cohort", "4", "--size", "64", "--min-detectability", "50");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edgectl eval: ", line, StringComparison.Ordinal);
        Assert.Contains("d' 50", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("50.5")]
    public void A_floor_outside_0_50_is_refused_naming_the_option(string floor)
    {
        (int exit, string output, string error) = Run("eval", "--cohort", "4", "--size", "64", "--min-detectability", floor);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("edgectl eval: ", error, StringComparison.Ordinal);
        Assert.Contains("--min-detectability", error, StringComparison.Ordinal);
        Assert.Contains("detectability floor", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = CommandTree.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
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
