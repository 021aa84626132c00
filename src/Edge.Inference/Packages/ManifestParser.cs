using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Imaging.Eligibility;

namespace Edge.Inference.Packages;

/// <summary>
/// Parses and validates manifest.json. Every problem is reported at once, each named by its JSON path
/// (e.g. <c>$.network.slidingWindow.overlap: must be in [0, 1)</c>).
/// </summary>
public static partial class ManifestParser
{
    /// <summary>Manifests are a few KB; 1 MiB bounds a wrong file being read whole.</summary>
    public const int MaxManifestBytes = 1 << 20;

    private const string Root = "$";

    public static ModelManifest Parse(ReadOnlySpan<byte> utf8Json, string source)
    {
        if (utf8Json.Length > MaxManifestBytes)
        {
            throw new ManifestValidationException(source, [new ManifestError(Root, $"manifest is {utf8Json.Length} bytes; the limit is {MaxManifestBytes}")]);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ManifestValidationException(source, [new ManifestError(Root, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}")]);
        }

        using (document)
        {
            var json = new ManifestJsonReader();
            ModelManifest? manifest = ReadManifest(document.RootElement, json);
            if (json.Errors.Count > 0 || manifest is null)
            {
                throw new ManifestValidationException(source, json.Errors);
            }

            return manifest;
        }
    }

    private static ModelManifest? ReadManifest(JsonElement root, ManifestJsonReader json)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            json.Error(Root, "must be a JSON object");
            return null;
        }

        json.RejectUnknown(root, Root, "schemaVersion", "id", "version", "name", "intendedUse", "modality", "bodyRegion",
            "network", "cascade", "labels", "postprocessing", "caseScore", "operatingPoints", "defaultOperatingPoint",
            "location", "eligibility", "files");

        int schemaVersion = json.Integer(root, Root, "schemaVersion");
        if (schemaVersion != ModelManifest.CurrentSchemaVersion && json.Errors.Count == 0)
        {
            json.Error("$.schemaVersion", $"version {schemaVersion} is not supported (this build reads {ModelManifest.CurrentSchemaVersion})");
        }

        string id = json.String(root, Root, "id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            json.Error("$.id", $"'{id}' must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }

        string modality = json.String(root, Root, "modality");
        if (modality.Length > 0 && modality != "CT")
        {
            json.Error("$.modality", $"'{modality}' is not supported; Edge screens CT only");
        }

        NetworkSpec? network = ReadNetwork(root, Root, "network", json);
        CascadeSpec? cascade = ReadCascade(root, json);
        int outputChannels = network?.Output.Channels ?? 0;
        IReadOnlyList<OutputLabel> labels = ReadLabels(root, json, outputChannels);
        IReadOnlyList<OperatingPoint> points = ReadOperatingPoints(root, json);
        string defaultPoint = json.String(root, Root, "defaultOperatingPoint", required: false, fallback: points.Count > 0 ? points[0].Name : string.Empty);
        if (points.Count > 0 && !points.Any(p => p.Name == defaultPoint))
        {
            json.Error("$.defaultOperatingPoint", $"'{defaultPoint}' names no entry of $.operatingPoints");
        }

        ModelRule? eligibility = null;
        if (json.TryGet(root, Root, "eligibility", JsonValueKind.Object, required: false, out JsonElement rules))
        {
            try
            {
                eligibility = RuleSet.ParseModel(rules, "$.eligibility");
            }
            catch (RuleFormatException ex)
            {
                // The rule parser's message begins with the JSON path of the fault.
                int colon = ex.Message.IndexOf(": ", StringComparison.Ordinal);
                json.Error(colon > 0 ? ex.Message[..colon] : "$.eligibility", colon > 0 ? ex.Message[(colon + 2)..] : ex.Message);
            }
        }

        var manifest = new ModelManifest
        {
            SchemaVersion = schemaVersion,
            Id = id,
            Version = json.String(root, Root, "version"),
            Name = json.String(root, Root, "name"),
            IntendedUse = json.String(root, Root, "intendedUse"),
            Modality = modality,
            BodyRegion = json.String(root, Root, "bodyRegion"),
            Network = network!,
            Cascade = cascade,
            Labels = labels,
            Postprocessing = ReadPostprocessing(root, json),
            CaseScore = ReadCaseScore(root, json, outputChannels),
            OperatingPoints = points,
            DefaultOperatingPoint = defaultPoint,
            Location = ReadLocation(root, json, outputChannels),
            Eligibility = eligibility,
            Files = ReadFiles(root, json),
        };

        CheckFilesCoverNetworks(manifest, json);
        return network is null ? null : manifest;
    }

    private static IReadOnlyList<PackageFile> ReadFiles(JsonElement root, ManifestJsonReader json)
    {
        if (!json.TryGet(root, Root, "files", JsonValueKind.Array, required: true, out JsonElement array))
        {
            return [];
        }

        var files = new List<PackageFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = ManifestJsonReader.Index("$.files", i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                json.Error(path, "must be an object {\"path\", \"sha256\"}");
                continue;
            }

            json.RejectUnknown(item, path, "path", "sha256");
            string file = json.String(item, path, "path");
            string sha = json.String(item, path, "sha256");
            if (file.Length > 0 && !IsSafeRelativePath(file))
            {
                json.Error(path + ".path", $"'{file}' must be a relative path inside the package (no '..', no leading '/')");
            }

            if (sha.Length > 0 && !Sha256Pattern().IsMatch(sha))
            {
                json.Error(path + ".sha256", "must be 64 lower-case hex digits");
            }

            if (file.Length > 0 && !seen.Add(file))
            {
                json.Error(path + ".path", $"'{file}' is listed twice");
            }

            files.Add(new PackageFile(file, sha));
        }

        if (!seen.Contains("MODEL_CARD.md"))
        {
            json.Error("$.files", "must list MODEL_CARD.md: every package ships its model card");
        }

        return files;
    }

    private static void CheckFilesCoverNetworks(ModelManifest manifest, ManifestJsonReader json)
    {
        if (manifest.Network is null)
        {
            return;
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (manifest.Network.File.Length > 0 && !listed.Contains(manifest.Network.File))
        {
            json.Error("$.network.file", $"'{manifest.Network.File}' is not listed in $.files, so its hash cannot be checked");
        }

        if (manifest.Cascade is { } cascade && cascade.Localizer.File.Length > 0 && !listed.Contains(cascade.Localizer.File))
        {
            json.Error("$.cascade.localizer.file", $"'{cascade.Localizer.File}' is not listed in $.files, so its hash cannot be checked");
        }
    }

    internal static bool IsSafeRelativePath(string path)
    {
        if (path.Length == 0 || path.Length > 255 || path[0] == '/' || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
