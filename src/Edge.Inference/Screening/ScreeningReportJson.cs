using System.Text;
using System.Text.Json;
using Edge.Inference.Packages;

namespace Edge.Inference.Screening;

/// <summary>
/// The JSON form of a screening report, as <c>edgectl infer --json</c> prints it and later layers reuse:
/// <c>{"models":[{"id","version","eligible","reason","probability","decision","findings":[...],"timings":{...}}],"executionProvider":"CPU",...}</c>.
/// </summary>
public static class ScreeningReportJson
{
    public static string Serialize(ScreeningReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ScreeningReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteStartArray("models");
        foreach (ModelResult model in report.Models)
        {
            WriteModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteString("executionProvider", report.ExecutionProvider);
        writer.WriteString("seriesInstanceUid", report.SeriesInstanceUid);
        writer.WriteNumber("loadMs", Math.Round(report.LoadMs, 1));
        writer.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter writer, ModelResult model)
    {
        writer.WriteStartObject();
        writer.WriteString("id", model.Id);
        writer.WriteString("version", model.Version);
        writer.WriteBoolean("eligible", model.Eligible);
        writer.WriteString("reason", model.Reason);
        WriteNullable(writer, "probability", model.Probability, 4);
        writer.WriteString("decision", ScreeningDecisionNames.Json(model.Decision));
        WriteNullable(writer, "threshold", model.Threshold, 4);
        WriteNullable(writer, "targetSpecificity", model.TargetSpecificity, 4);
        writer.WriteStartArray("findings");
        foreach (Finding finding in model.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("label", finding.Label);
            if (finding.Type is { } code)
            {
                WriteCode(writer, "code", code);
            }

            writer.WriteNumber("volumeMl", Math.Round(finding.VolumeMl, 3));
            writer.WriteNumber("maxDiameterMm", Math.Round(finding.MaxDiameterMm, 1));
            writer.WriteStartArray("centroidLps");
            writer.WriteNumberValue(Math.Round(finding.CentroidLps.X, 1));
            writer.WriteNumberValue(Math.Round(finding.CentroidLps.Y, 1));
            writer.WriteNumberValue(Math.Round(finding.CentroidLps.Z, 1));
            writer.WriteEndArray();
            writer.WriteString("location", finding.Location);
            writer.WriteNumber("probability", Math.Round(finding.Probability, 4));
            writer.WriteNumber("voxels", finding.VoxelCount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("timings");
        writer.WriteNumber("preprocessMs", Math.Round(model.Timings.PreprocessMs, 1));
        writer.WriteNumber("inferenceMs", Math.Round(model.Timings.InferenceMs, 1));
        writer.WriteNumber("postprocessMs", Math.Round(model.Timings.PostprocessMs, 1));
        writer.WriteNumber("totalMs", Math.Round(model.Timings.TotalMs, 1));
        writer.WriteEndObject();
        writer.WriteString("executionProvider", model.ExecutionProvider);
        writer.WriteEndObject();
    }

    private static void WriteCode(Utf8JsonWriter writer, string name, CodedConcept code)
    {
        writer.WriteStartObject(name);
        writer.WriteString("scheme", code.Scheme);
        writer.WriteString("value", code.Value);
        writer.WriteString("meaning", code.Meaning);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value, int digits)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, digits));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
