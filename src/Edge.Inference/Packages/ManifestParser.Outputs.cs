using System.Text.Json;

namespace Edge.Inference.Packages;

public static partial class ManifestParser
{
    private static CascadeSpec? ReadCascade(JsonElement root, ManifestJsonReader json)
    {
        if (json.Object(root, Root, "cascade", required: false) is not { } obj)
        {
            return null;
        }

        const string path = "$.cascade";
        json.RejectUnknown(obj, path, "localizer", "organChannel", "marginMm");
        NetworkSpec? localizer = ReadNetwork(obj, path, "localizer", json);
        int organ = json.Integer(obj, path, "organChannel");
        if (localizer is not null && (organ < 0 || organ >= localizer.Output.Channels))
        {
            json.Error(path + ".organChannel", $"{organ} is not a channel of the localizer's {localizer.Output.Channels} outputs");
        }

        double[] margin = json.NumberArray(obj, path, "marginMm", 3);
        for (int i = 0; i < margin.Length; i++)
        {
            if (margin[i] is < 0 or > 200)
            {
                json.Error($"{path}.marginMm[{i}]", $"{margin[i]} mm must be 0-200 mm");
            }
        }

        return localizer is null ? null : new CascadeSpec { Localizer = localizer, OrganChannel = organ, MarginMm = margin.Length == 3 ? margin : [0, 0, 0] };
    }

    private static IReadOnlyList<OutputLabel> ReadLabels(JsonElement root, ManifestJsonReader json, int outputChannels)
    {
        if (!json.TryGet(root, Root, "labels", JsonValueKind.Array, required: true, out JsonElement array))
        {
            return [];
        }

        var labels = new List<OutputLabel>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = ManifestJsonReader.Index("$.labels", i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                json.Error(path, "must be an object");
                continue;
            }

            json.RejectUnknown(item, path, "channel", "value", "name", "role", "category", "type", "anatomicRegion");
            var label = new OutputLabel
            {
                Channel = json.Integer(item, path, "channel"),
                Value = json.Integer(item, path, "value"),
                Name = json.String(item, path, "name"),
                Role = json.Enum<LabelRole>(item, path, "role"),
                Category = ReadCode(item, path, "category", json),
                Type = ReadCode(item, path, "type", json),
                AnatomicRegion = ReadCode(item, path, "anatomicRegion", json),
            };
            if (outputChannels > 0 && (label.Channel < 0 || label.Channel >= outputChannels))
            {
                json.Error(path + ".channel", $"{label.Channel} is not one of the network's {outputChannels} output channels");
            }

            if (label.Value is < 0 or > 255)
            {
                json.Error(path + ".value", $"{label.Value} must be 0-255 (label maps are bytes)");
            }

            if (labels.Any(l => l.Channel == label.Channel))
            {
                json.Error(path + ".channel", $"channel {label.Channel} is labelled twice");
            }

            if (labels.Any(l => l.Value == label.Value))
            {
                json.Error(path + ".value", $"value {label.Value} is used twice");
            }

            if (label.Role == LabelRole.Finding && label.Type is null)
            {
                json.Error(path + ".type", "is required for findings: reports and DICOM SEG/SR need its code");
            }

            labels.Add(label);
        }

        if (!labels.Any(l => l.Role == LabelRole.Finding))
        {
            json.Error("$.labels", "must contain at least one label with role 'finding'");
        }

        return labels;
    }

    private static CodedConcept? ReadCode(JsonElement parent, string parentPath, string name, ManifestJsonReader json)
    {
        if (json.Object(parent, parentPath, name, required: false) is not { } obj)
        {
            return null;
        }

        string path = ManifestJsonReader.Child(parentPath, name);
        json.RejectUnknown(obj, path, "scheme", "value", "meaning");
        string scheme = json.String(obj, path, "scheme");

        // PS3.16 coding schemes Edge's reports may emit: SNOMED CT, DICOM, and RadLex for findings SNOMED lacks.
        if (scheme.Length > 0 && scheme is not ("SCT" or "DCM" or "RADLEX" or "LN" or "UCUM"))
        {
            json.Error(path + ".scheme", $"'{scheme}' must be SCT, DCM, RADLEX, LN or UCUM");
        }

        return new CodedConcept(scheme, json.String(obj, path, "value"), json.String(obj, path, "meaning"));
    }

    private static PostprocessingSpec ReadPostprocessing(JsonElement root, ManifestJsonReader json)
    {
        const string path = "$.postprocessing";
        if (json.Object(root, Root, "postprocessing") is not { } obj)
        {
            return new PostprocessingSpec();
        }

        json.RejectUnknown(obj, path, "argmax", "connectivity", "minFindingVolumeMl", "keepLargestOrganComponent", "findingOrganMarginMm");
        int connectivity = json.Integer(obj, path, "connectivity", 26);
        if (connectivity is not (6 or 18 or 26))
        {
            json.Error(path + ".connectivity", $"{connectivity} must be 6, 18 or 26");
        }

        double minVolume = json.Number(obj, path, "minFindingVolumeMl", 0);
        if (minVolume < 0)
        {
            json.Error(path + ".minFindingVolumeMl", $"{minVolume} must not be negative");
        }

        bool argmax = json.Boolean(obj, path, "argmax", true);
        if (!argmax)
        {
            json.Error(path + ".argmax", "only argmax label maps are supported");
        }

        double? findingMargin = null;
        if (obj.TryGetProperty("findingOrganMarginMm", out _))
        {
            // Beyond 100 mm the region is no longer "the organ" for any abdominal organ.
            findingMargin = json.Number(obj, path, "findingOrganMarginMm", 0);
            if (findingMargin is < 0 or > 100)
            {
                json.Error(path + ".findingOrganMarginMm", $"{findingMargin} mm must be in [0, 100]");
            }
        }

        return new PostprocessingSpec
        {
            FindingOrganMarginMm = findingMargin,
            Argmax = argmax,
            Connectivity = connectivity,
            MinFindingVolumeMl = minVolume,
            KeepLargestOrganComponent = json.Boolean(obj, path, "keepLargestOrganComponent", false),
        };
    }

    private static CaseScoreSpec ReadCaseScore(JsonElement root, ManifestJsonReader json, int outputChannels)
    {
        const string path = "$.caseScore";
        if (json.Object(root, Root, "caseScore") is not { } obj)
        {
            return new CaseScoreSpec { Method = CaseScoreMethod.MaxProbability, Channel = 0 };
        }

        json.RejectUnknown(obj, path, "method", "channel", "kernelMm", "organMarginMm");
        CaseScoreMethod method = json.Enum<CaseScoreMethod>(obj, path, "method");
        int channel = json.Integer(obj, path, "channel");
        if (outputChannels > 0 && (channel < 0 || channel >= outputChannels))
        {
            json.Error(path + ".channel", $"{channel} is not one of the network's {outputChannels} output channels");
        }

        double kernel = json.Number(obj, path, "kernelMm", 0);
        if (method is CaseScoreMethod.MaxSmoothedProbability or CaseScoreMethod.MaxSmoothedProbabilityInOrgan && kernel is (<= 0 or > 100))
        {
            json.Error(path + ".kernelMm", $"{kernel} mm must be in (0, 100] for {method}");
        }

        // Same bound as postprocessing.findingOrganMarginMm.
        double margin = json.Number(obj, path, "organMarginMm", 0);
        if (margin is < 0 or > 100)
        {
            json.Error(path + ".organMarginMm", $"{margin} mm must be in [0, 100]");
        }

        return new CaseScoreSpec { Method = method, Channel = channel, KernelMm = kernel, OrganMarginMm = margin };
    }

    private static IReadOnlyList<OperatingPoint> ReadOperatingPoints(JsonElement root, ManifestJsonReader json)
    {
        if (!json.TryGet(root, Root, "operatingPoints", JsonValueKind.Array, required: true, out JsonElement array))
        {
            return [];
        }

        var points = new List<OperatingPoint>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = ManifestJsonReader.Index("$.operatingPoints", i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                json.Error(path, "must be an object");
                continue;
            }

            json.RejectUnknown(item, path, "name", "threshold", "targetSpecificity", "measuredSpecificity", "measuredSensitivity", "calibrationSet");
            var point = new OperatingPoint
            {
                Name = json.String(item, path, "name"),
                Threshold = Probability(item, path, "threshold", json, required: true)!.Value,
                TargetSpecificity = Probability(item, path, "targetSpecificity", json, required: true)!.Value,
                MeasuredSpecificity = Probability(item, path, "measuredSpecificity", json, required: false),
                MeasuredSensitivity = Probability(item, path, "measuredSensitivity", json, required: false),
                CalibrationSet = json.String(item, path, "calibrationSet", required: false) is { Length: > 0 } set ? set : null,
            };
            if (points.Any(p => p.Name == point.Name))
            {
                json.Error(path + ".name", $"'{point.Name}' is used twice");
            }

            points.Add(point);
        }

        if (points.Count == 0)
        {
            json.Error("$.operatingPoints", "must contain at least one operating point");
        }

        return points;
    }

    private static double? Probability(JsonElement obj, string path, string name, ManifestJsonReader json, bool required)
    {
        if (!required && !obj.TryGetProperty(name, out _))
        {
            return null;
        }

        double value = json.Number(obj, path, name);
        if (value is < 0 or > 1)
        {
            json.Error(ManifestJsonReader.Child(path, name), $"{value} must be in [0, 1]");
        }

        return value;
    }

    private static LocationSpec? ReadLocation(JsonElement root, ManifestJsonReader json, int outputChannels)
    {
        const string path = "$.location";
        if (json.Object(root, Root, "location", required: false) is not { } obj)
        {
            return null;
        }

        json.RejectUnknown(obj, path, "organChannel", "regions", "boundaries");
        int organ = json.Integer(obj, path, "organChannel");
        if (outputChannels > 0 && (organ < 0 || organ >= outputChannels))
        {
            json.Error(path + ".organChannel", $"{organ} is not one of the network's {outputChannels} output channels");
        }

        string[] regions = json.StringArray(obj, path, "regions");
        double[] boundaries = json.NumberArray(obj, path, "boundaries", Math.Max(regions.Length - 1, 0));
        if (regions.Length == 0)
        {
            json.Error(path + ".regions", "must name at least one region");
        }

        for (int i = 0; i < boundaries.Length; i++)
        {
            if (boundaries[i] is <= 0 or >= 1 || (i > 0 && boundaries[i] <= boundaries[i - 1]))
            {
                json.Error($"{path}.boundaries[{i}]", $"{boundaries[i]} must lie in (0, 1) and increase");
            }
        }

        return new LocationSpec { OrganChannel = organ, Regions = regions, Boundaries = boundaries };
    }
}
