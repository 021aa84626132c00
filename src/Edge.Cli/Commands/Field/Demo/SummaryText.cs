using System.Globalization;
using System.Text;
using Edge.Inference.Screening;
using Edge.Sync.Messages;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>A summary as a person reads it: the decision first, then each model, its findings and the timings.</summary>
internal static class SummaryText
{
    public static string Render(EdgeSummary s)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"      decision   {s.Decision.ToUpperInvariant()}{(s.FailureReason is null ? string.Empty : " (" + s.FailureReason + ")")}");
        foreach (SummaryModel m in s.Models)
        {
            string probability = m.Probability is { } p ? string.Create(CultureInfo.InvariantCulture, $", probability {ScoreText.Format(p)} (threshold {ScoreText.Format(m.Threshold ?? double.NaN)})") : string.Empty;
            Line($"      model      {m.Id} {m.Version}: {m.Decision}{probability}{(m.Eligible ? string.Empty : " - " + m.Reason)}");
            foreach (SummaryFinding f in m.Findings)
            {
                string where = f.Location?.Region is { } region ? $" in the pancreas {region}" : string.Empty;
                string centroid = f.Location?.CentroidLps is [var x, var y, var z] ? string.Create(CultureInfo.InvariantCulture, $", centre LPS ({x:0.0}, {y:0.0}, {z:0.0}) mm") : string.Empty;
                Line($"      finding    {f.Label}{where}: {f.MaxDiameterMm ?? 0:0.0} mm across, {f.VolumeMl ?? 0:0.00} ml, p {f.Probability ?? 0:0.00}{centroid}");
            }
        }

        SummaryPipelineTimings t = s.Timings;
        Line($"      timings    {Seconds(t.TotalMs)} from the last image to the result: series complete {Seconds(t.CompletionMs)}, volume {Seconds(t.AssemblyMs)}, screening {Seconds(t.InferenceMs)} on {s.ExecutionProvider}");
        string scanner = string.Join(' ', new[] { s.Manufacturer, s.ManufacturerModelName }.Where(v => !string.IsNullOrWhiteSpace(v)));
        Line($"      scan       {s.Modality}, {s.SliceCount} slices of {s.SliceThicknessMm ?? 0:0.##} mm{(scanner.Length == 0 ? string.Empty : ", " + scanner)}");
        Line($"      keys       study {s.StudyKey[..12]}..., series {s.SeriesKey[..12]}... (HMAC-SHA256 of the UIDs under the device's secret)");
        return text.ToString();
    }

    private static string Seconds(double? ms) => ms is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / 1000:0.0} s") : "-";
}
