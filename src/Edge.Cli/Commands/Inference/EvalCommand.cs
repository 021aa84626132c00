using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Cli.Terminal;
using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Inference.Evaluation;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Cli.Commands.Inference;

/// <summary>
/// <c>edgectl eval --cohort N --seed S [--json] [--plot roc.png]</c>: generates N phantoms (half with lesions of varied
/// size, site and contrast), runs each through the real pipeline (DICOM files → volume assembly → model) and reports
/// AUC, sensitivity and specificity at the manifest's operating point, sensitivity by lesion size, and sensitivity and
/// AUC by the lesions' Rose detectability index d′ (<see cref="LesionDetectability"/>), so a miss reads in physical terms.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var cohort = new Option<int>("--cohort") { Description = "Number of phantoms (half carry a lesion)", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Cohort seed: the same seed gives the same phantoms", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Phantom matrix (rows = columns)", DefaultValueFactory = _ => 256 };
        var model = new Option<string?>("--model") { Description = "Model id (default: the only, or first, valid package)" };
        var json = new Option<bool>("--json") { Description = "Print JSON: cohort, auc, sensitivity, specificity, threshold, bySize, byDetectability, cases" };
        var plot = new Option<string?>("--plot") { Description = "Write the ROC curve to this PNG" };
        var work = new Option<string?>("--work") { Description = "Scratch folder for the phantoms' DICOM files (default: a temporary folder)" };
        var minLesion = new Option<double>("--min-lesion-mm") { Description = "Smallest lesion diameter drawn (5-40 mm): stratifies the cohort", DefaultValueFactory = _ => LesionRange.Full.MinMm };
        var minContrast = new Option<double>("--min-contrast-hu") { Description = "Least lesion contrast drawn (5-30 HU below the pancreas): stratifies the cohort", DefaultValueFactory = _ => LesionRange.Full.MinContrastHu };
        var minDetectability = new Option<double>("--min-detectability")
        {
            Description = "Least Rose detectability d' of each lesion in its own scan (0-50; 5: every lesion findable in principle; default 0: the generator's full range, about a quarter of whose lesions no observer can find)",
            DefaultValueFactory = _ => LesionRange.Full.MinDetectability,
        };
        var shared = new InferenceCliOptions();
        var command = new Command("eval", "Measure a model on synthetic phantoms through the full pipeline") { cohort, seed, size, model, json, plot, work, minLesion, minContrast, minDetectability };
        shared.AddTo(command);
        command.SetAction((result, token) => Task.FromResult(Run(
            new EvalRequest(result.GetValue(cohort), result.GetValue(seed), result.GetValue(size), result.GetValue(model), result.GetValue(json), result.GetValue(plot), result.GetValue(work),
                LesionRange.Full with { MinMm = result.GetValue(minLesion), MinContrastHu = result.GetValue(minContrast), MinDetectability = result.GetValue(minDetectability) }),
            shared.Read(result),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            token)));
        return command;
    }

    internal static int Run(EvalRequest request, Edge.Inference.InferenceOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // 2 is the least for an ROC; 10,000 phantoms is days of CPU and a typo rather than a plan.
        if (request.Cohort is < 2 or > 10_000 || request.Size is < 64 or > PhantomOptions.MaxSize)
        {
            error.WriteLine($"edgectl eval: --cohort must be 2-10000 and --size 64-{PhantomOptions.MaxSize}");
            return 1;
        }

        if (request.Lesions.Validate() is [string problem, ..])
        {
            error.WriteLine($"edgectl eval: --min-lesion-mm/--min-contrast-hu/--min-detectability: {problem}");
            return 1;
        }

        IReadOnlyList<CohortCase> cohort;
        try
        {
            cohort = CohortPlanner.Plan(request.Cohort, request.Seed, request.Size, request.Lesions);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"edgectl eval: {e.Message}");
            return 1;
        }

        using InferenceServices? services = InferenceServices.Open(options, "eval", error);
        if (services?.Select(request.Model, "eval", error) is not { } packages)
        {
            return 1;
        }

        ModelPackage package = packages[0];
        string work = request.Work ?? Path.Combine(Path.GetTempPath(), $"edge-eval-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        EvaluationReport report;
        try
        {
            using var progress = new TerminalProgress($"evaluating {package.Id}", cohort.Count, error);
            report = new CohortEvaluator(services.Pipeline([package]), package).Run(cohort, request.Seed, work, progress, cancellationToken);
        }
        catch (Exception e) when (e is VolumeAssemblyException or IOException or UnauthorizedAccessException or NoExecutionProviderException or OnnxRuntimeException)
        {
            error.WriteLine($"edgectl eval: {e.Message}");
            return 1;
        }
        finally
        {
            if (request.Work is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }

        if (request.Plot is { } png)
        {
            RocPlot.Write(png, report);
        }

        output.Write(request.Json ? ToJson(report, request.Lesions) + Environment.NewLine : ToText(report, request.Lesions, request.Plot));
        return 0;
    }

    internal static string ToJson(EvaluationReport report, LesionRange lesions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("model", report.Model);
            writer.WriteString("version", report.Version);
            writer.WriteNumber("cohort", report.Cohort);
            writer.WriteNumber("seed", report.Seed);
            writer.WriteStartObject("lesions");
            writer.WriteNumber("minMm", lesions.MinMm);
            writer.WriteNumber("maxMm", lesions.MaxMm);
            writer.WriteNumber("minContrastHu", lesions.MinContrastHu);
            writer.WriteNumber("maxContrastHu", lesions.MaxContrastHu);
            writer.WriteNumber("minDetectability", lesions.MinDetectability);
            writer.WriteEndObject();
            writer.WriteNumber("auc", Math.Round(report.Auc, 4));
            writer.WriteNumber("sensitivity", Math.Round(report.Sensitivity, 4));
            writer.WriteNumber("specificity", Math.Round(report.Specificity, 4));
            writer.WriteNumber("threshold", report.Threshold);
            writer.WriteNumber("targetSpecificity", report.TargetSpecificity);
            writer.WriteStartArray("bySize");
            foreach (SizeBinResult bin in report.BySize)
            {
                writer.WriteStartObject();
                writer.WriteNumber("minMm", bin.MinMm);
                writer.WriteNumber("maxMm", bin.MaxMm);
                writer.WriteNumber("cases", bin.Cases);
                writer.WriteNumber("detected", bin.Detected);
                if (bin.Sensitivity is { } s)
                {
                    writer.WriteNumber("sensitivity", Math.Round(s, 4));
                }
                else
                {
                    writer.WriteNull("sensitivity");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("byDetectability");
            foreach (DetectabilityStratum stratum in report.ByDetectability)
            {
                writer.WriteStartObject();
                writer.WriteNumber("minDetectability", stratum.MinIndex);
                WriteNumberOrNull(writer, "maxDetectability", stratum.MaxIndex);
                writer.WriteNumber("lesions", stratum.Lesions);
                writer.WriteNumber("detected", stratum.Detected);
                WriteNumberOrNull(writer, "sensitivity", stratum.Sensitivity, 4);
                WriteNumberOrNull(writer, "auc", stratum.Auc, 4);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("failed", report.Failed);
            writer.WriteNumber("secondsPerCase", Math.Round(report.MeanSecondsPerCase, 2));
            writer.WriteStartArray("cases");
            foreach (CaseOutcome outcome in report.Cases)
            {
                writer.WriteStartObject();
                writer.WriteNumber("seed", outcome.Case.Seed);
                writer.WriteBoolean("lesion", outcome.Case.HasLesion);
                if (outcome.Case.HasLesion)
                {
                    writer.WriteNumber("lesionMm", outcome.Case.LesionMm!.Value);
                    writer.WriteString("site", outcome.Case.Site);
                    writer.WriteNumber("contrastHu", outcome.Case.ContrastHu!.Value);
                }

                writer.WriteNumber("thicknessMm", outcome.Case.ThicknessMm);
                WriteNumberOrNull(writer, "pixelSpacingMm", outcome.PixelSpacingMm, 4);
                WriteNumberOrNull(writer, "noiseSigmaHu", outcome.NoiseSigmaHu, 3);
                WriteNumberOrNull(writer, "detectability", outcome.Detectability, 3);
                // Unrounded: train.py calibrates the operating point from these scores.
                writer.WriteNumber("score", outcome.Score);
                writer.WriteString("decision", Edge.Inference.Screening.ScreeningDecisionNames.Json(outcome.Decision));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string ToText(EvaluationReport report, LesionRange lesions, string? plot)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{report.Model} {report.Version} on {report.Cohort} phantoms (seed {report.Seed}), {report.MeanSecondsPerCase:0.0} s per case:"));
        text.AppendLine(Invariant($"  lesions drawn: {lesions}"));
        text.AppendLine(Invariant($"  AUC {report.Auc:0.000}"));
        text.AppendLine(Invariant($"  at threshold {ScoreText.Format(report.Threshold)} (calibrated for specificity {report.TargetSpecificity:0.###}): sensitivity {report.Sensitivity:0.000}, specificity {report.Specificity:0.000}"));
        foreach (SizeBinResult bin in report.BySize)
        {
            text.AppendLine(Invariant($"  lesions {bin.MinMm:0}-{bin.MaxMm:0} mm: {bin.Detected}/{bin.Cases} detected{(bin.Sensitivity is { } s ? $" ({s:0.00})" : string.Empty)}"));
        }

        text.AppendLine(Invariant($"  lesions by Rose detectability d' (>= {LesionDetectability.SearchThreshold:0} needed to find one reliably):"));
        foreach (DetectabilityStratum stratum in report.ByDetectability)
        {
            string range = stratum.MaxIndex is { } max
                ? stratum.MinIndex == 0 ? Invariant($"d' < {max:0.#}") : Invariant($"d' {stratum.MinIndex:0.#}-{max:0.#}")
                : Invariant($"d' >= {stratum.MinIndex:0.#}");
            string sensitivity = stratum.Sensitivity is { } s ? Invariant($" ({s:0.00})") : string.Empty;
            string auc = stratum.Auc is { } a ? Invariant($", AUC {a:0.000} against all negatives") : string.Empty;
            text.AppendLine(Invariant($"    {range,-9} {stratum.Detected}/{stratum.Lesions} detected{sensitivity}{auc}"));
        }

        if (report.Failed > 0)
        {
            text.AppendLine(Invariant($"  {report.Failed} case(s) could not be scored (counted as negative)"));
        }

        if (plot is not null)
        {
            text.AppendLine($"  ROC curve: {plot}");
        }

        return text.ToString();
    }

    // Null for an absent or non-finite value (a noiseless phantom's d′ is infinite), which JSON cannot carry as a number.
    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value, int? digits = null)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, digits is { } d ? Math.Round(v, d) : v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
