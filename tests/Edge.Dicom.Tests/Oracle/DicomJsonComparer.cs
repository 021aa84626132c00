using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Dicom.Tests;

/// <summary>
/// Compares two DICOM JSON datasets: the same tags, VRs and values. Binary values (InlineBinary/BulkDataURI) are
/// not compared; numbers compare numerically (FL at single precision); everything else must match exactly.
/// </summary>
internal sealed class DicomJsonComparer(Func<string, string, string, bool>? acceptDifference = null)
{
    private static readonly HashSet<string> BinaryVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "UN"];

    public List<string> Differences { get; } = [];

    public List<string> Accepted { get; } = [];

    public int ComparedValues { get; private set; }

    public void Compare(JsonObject ours, JsonObject theirs, string path = "")
    {
        foreach (string key in ours.Select(p => p.Key).Union(theirs.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            string here = path + "/" + key;
            JsonObject? a = ours[key] as JsonObject;
            JsonObject? b = theirs[key] as JsonObject;
            if (a is null || b is null)
            {
                Report(here, "presence", a is null ? "missing in Edge" : "missing in pydicom");
                continue;
            }

            string vrA = (string?)a["vr"] ?? "?";
            string vrB = (string?)b["vr"] ?? "?";
            if (vrA != vrB)
            {
                Report(here, "vr", $"Edge {vrA}, pydicom {vrB}");
                continue;
            }

            if (BinaryVRs.Contains(vrA))
            {
                continue;
            }

            JsonArray? va = a["Value"] as JsonArray;
            JsonArray? vb = b["Value"] as JsonArray;
            if (va is null || vb is null)
            {
                if ((va?.Count ?? 0) != (vb?.Count ?? 0))
                {
                    Report(here, "value", $"Edge {Show(va)}, pydicom {Show(vb)}");
                }

                continue;
            }

            if (va.Count != vb.Count)
            {
                Report(here, "value", $"Edge {Show(va)}, pydicom {Show(vb)}");
                continue;
            }

            for (int i = 0; i < va.Count; i++)
            {
                CompareValue(vrA, va[i], vb[i], $"{here}[{i}]");
            }
        }
    }

    private void CompareValue(string vr, JsonNode? a, JsonNode? b, string path)
    {
        ComparedValues++;
        if (vr == "SQ")
        {
            if (a is JsonObject ia && b is JsonObject ib)
            {
                Compare(ia, ib, path);
            }
            else
            {
                Report(path, "value", $"Edge {Show(a)}, pydicom {Show(b)}");
            }

            return;
        }

        if (a is JsonValue av && b is JsonValue bv && av.GetValueKind() == JsonValueKind.Number && bv.GetValueKind() == JsonValueKind.Number)
        {
            double x = av.GetValue<double>();
            double y = bv.GetValue<double>();
            bool same = vr == "FL" ? (float)x == (float)y : x == y || Math.Abs(x - y) <= 1e-12 * Math.Max(Math.Abs(x), Math.Abs(y));
            if (!same)
            {
                Report(path, "value", string.Create(CultureInfo.InvariantCulture, $"Edge {x:R}, pydicom {y:R}"));
            }

            return;
        }

        if (!JsonNode.DeepEquals(a, b))
        {
            Report(path, "value", $"Edge {Show(a)}, pydicom {Show(b)}");
        }
    }

    private void Report(string path, string kind, string detail)
    {
        string line = $"{path}: {kind}: {detail}";
        if (acceptDifference?.Invoke(path, kind, detail) == true)
        {
            Accepted.Add(line);
        }
        else
        {
            Differences.Add(line);
        }
    }

    private static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
