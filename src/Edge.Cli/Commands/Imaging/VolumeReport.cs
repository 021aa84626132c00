using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Edge.Imaging;
using Edge.Imaging.Eligibility;

namespace Edge.Cli.Commands.Imaging;

/// <summary>The output of <c>edgectl volume</c>, as JSON (fixed field names) or as lines for a person.</summary>
internal sealed record VolumeReport(CtVolume Volume, HuStatistics Hu, IReadOnlyList<EligibilityResult>? Eligibility)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var g = Volume.Geometry;
            json.WriteStartObject();
            WriteArray(json, "shape", g.Shape.ToArray().Select(v => (double)v));
            WriteArray(json, "spacing", g.Spacing.ToArray());
            WriteArray(json, "origin", g.Origin.ToArray());
            WriteArray(json, "direction", g.Direction);
            json.WriteStartObject("hu");
            json.WriteNumber("min", Hu.Min);
            json.WriteNumber("max", Hu.Max);
            json.WriteNumber("mean", Math.Round(Hu.Mean, 4));
            json.WriteEndObject();
            json.WriteString("seriesInstanceUid", Volume.SeriesInstanceUid);
            json.WriteNumber("instanceCount", Volume.InstanceCount);
            json.WriteStartArray("warnings");
            foreach (VolumeWarning w in Volume.Warnings)
            {
                json.WriteStringValue(w.ToString());
            }

            json.WriteEndArray();
            if (Eligibility is not null)
            {
                json.WriteStartObject("eligibility");
                foreach (EligibilityResult r in Eligibility)
                {
                    json.WriteStartObject(r.Model);
                    json.WriteBoolean("eligible", r.Eligible);
                    json.WriteString("reason", r.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public string ToText()
    {
        var g = Volume.Geometry;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"series     {Volume.SeriesInstanceUid} ({Volume.InstanceCount} instances)"));
        text.AppendLine(Invariant($"shape      {g.Shape} [z, y, x], {g.Orientation.ToString().ToLowerInvariant()}"));
        text.AppendLine(Invariant($"spacing    {g.Spacing} mm [z, y, x]"));
        text.AppendLine(Invariant($"origin     {g.Origin} mm (LPS, first voxel)"));
        text.AppendLine(Invariant($"direction  [{string.Join(", ", g.Direction.Select(d => d.ToString("0.######", CultureInfo.InvariantCulture)))}]"));
        text.AppendLine(Invariant($"HU         min {Hu.Min:0.##}, max {Hu.Max:0.##}, mean {Hu.Mean:0.##}"));
        text.AppendLine(Volume.Warnings.Count == 0 ? "warnings   none" : "warnings");
        foreach (VolumeWarning w in Volume.Warnings)
        {
            text.AppendLine("  " + w);
        }

        if (Eligibility is not null)
        {
            text.AppendLine("eligibility");
            foreach (EligibilityResult r in Eligibility)
            {
                text.AppendLine($"  {r.Model}: {(r.Eligible ? "eligible" : "not eligible")} ({r.Reason})");
            }
        }

        return text.ToString();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            json.WriteNumberValue(Math.Round(v, 6));
        }

        json.WriteEndArray();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
