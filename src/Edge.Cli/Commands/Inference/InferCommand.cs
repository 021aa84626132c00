using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Edge.Imaging.Assembly;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Screening;

namespace Edge.Cli.Commands.Inference;

/// <summary>
/// <c>edgectl infer DIR [--model ID] [--json]</c>: assembles the CT series in a folder once and runs every eligible model
/// (or one) on it, printing each model's decision, probability, findings and stage timings.
/// Exit codes: 0 every model ran (whatever it found), 1 bad input or configuration, 2 a model failed.
/// </summary>
internal static class InferCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Folder holding the CT series (searched recursively)" };
        var model = new Option<string?>("--model") { Description = "Run only this model id (default: every valid package)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var shared = new InferenceCliOptions();
        var command = new Command("infer", "Screen a CT series with the installed models") { path, model, json };
        shared.AddTo(command);
        command.SetAction(result => Run(
            result.GetValue(path)!,
            result.GetValue(model),
            result.GetValue(json),
            shared.Read(result),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, string? modelId, bool json, Edge.Inference.InferenceOptions options, TextWriter output, TextWriter error)
    {
        using InferenceServices? services = InferenceServices.Open(options, "infer", error);
        if (services?.Select(modelId, "infer", error) is not { } packages)
        {
            return 1;
        }

        AssembledVolume assembled;
        var clock = Stopwatch.StartNew();
        try
        {
            SeriesScan scan = Directory.Exists(path) ? SeriesScanner.ScanDirectory(path)
                : throw new VolumeAssemblyException($"'{path}' is not a folder");
            if (scan.Series.Count == 0)
            {
                throw new VolumeAssemblyException($"no DICOM images in {path} ({scan.FilesExamined} file(s) examined)");
            }

            assembled = VolumeAssembler.Assemble(scan.Series[0].Frames, earlier: scan.WarningsFor(scan.Series[0]));
        }
        catch (Exception e) when (e is VolumeAssemblyException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl infer: {e.Message}");
            return 1;
        }

        double loadMs = clock.Elapsed.TotalMilliseconds;
        ScreeningReport report;
        try
        {
            report = services.Pipeline(packages).Screen(assembled.Volume, assembled.Properties) with { LoadMs = loadMs };
        }
        catch (NoExecutionProviderException e)
        {
            error.WriteLine($"edgectl infer: {e.Message}");
            return 1;
        }

        output.Write(json ? ScreeningReportJson.Serialize(report) + Environment.NewLine : ToText(report, assembled));
        return report.Models.Any(m => m.Decision == ScreeningDecision.Failed) ? 2 : 0;
    }

    private static string ToText(ScreeningReport report, AssembledVolume assembled)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Invariant($"series {report.SeriesInstanceUid}: {assembled.Volume.Shape} voxels, spacing {assembled.Volume.Geometry.Spacing} mm, loaded in {report.LoadMs:0} ms"));
        foreach (var warning in assembled.Volume.Warnings)
        {
            text.AppendLine($"  warning: {warning}");
        }

        foreach (ModelResult model in report.Models)
        {
            string probability = model.Probability is { } p ? Invariant($" probability {ScoreText.Format(p)} (threshold {ScoreText.Format(model.Threshold ?? double.NaN)})") : string.Empty;
            text.AppendLine(Invariant($"{model.Id} {model.Version}: {ScreeningDecisionNames.Json(model.Decision).ToUpperInvariant()}{probability}"));
            if (model.Decision is ScreeningDecision.NotEligible or ScreeningDecision.Failed)
            {
                text.AppendLine($"  reason: {model.Reason}");
                continue;
            }

            foreach (Finding f in model.Findings)
            {
                text.AppendLine(Invariant(
                    $"  {f.Label}: {f.VolumeMl:0.00} ml, max diameter {f.MaxDiameterMm:0.0} mm, centroid LPS ({f.CentroidLps.X:0.0}, {f.CentroidLps.Y:0.0}, {f.CentroidLps.Z:0.0}) mm{(f.Location is null ? string.Empty : ", " + f.Location)}, probability {f.Probability:0.00}"));
            }

            text.AppendLine(Invariant(
                $"  {model.ExecutionProvider}: preprocess {model.Timings.PreprocessMs:0} ms, inference {model.Timings.InferenceMs:0} ms, postprocess {model.Timings.PostprocessMs:0} ms"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
