using System.Text;
using System.Text.Json.Nodes;
using Edge.Inference.Packages;

namespace Edge.Inference.Tests.Packages;

public sealed class ManifestParserTests
{
    [Fact]
    public void Parses_every_section_of_a_valid_manifest()
    {
        ModelManifest manifest = Parse(SampleManifest.Node());

        Assert.Equal("pancreas-test", manifest.Id);
        Assert.Equal([8, 8, 8], manifest.Network.SlidingWindow.PatchSize);
        Assert.Equal([0, 1, 2], manifest.Network.SlidingWindow.MirrorAxes);
        Assert.Equal(NormalizationScheme.CtPercentile, manifest.Network.Preprocessing.Normalization.Scheme);
        Assert.Equal((-60.0, 180.0), manifest.Network.Preprocessing.Normalization.Clip);
        Assert.Equal((-200.0, 300.0), manifest.Network.Preprocessing.HuClip);
        Assert.NotNull(manifest.Cascade);
        Assert.Equal(0.5, manifest.Cascade!.Localizer.SlidingWindow.Overlap);     // defaults apply
        Assert.Equal(0.125, manifest.Cascade.Localizer.SlidingWindow.SigmaScale);
        Assert.Equal("LPS", manifest.Cascade.Localizer.Preprocessing.Orientation);
        Assert.Equal("52988006", manifest.Labels[2].Type!.Value);
        Assert.Equal(LabelRole.Finding, manifest.Labels[2].Role);
        Assert.Equal(CaseScoreMethod.MaxSmoothedProbability, manifest.CaseScore.Method);
        Assert.Equal(0.99, manifest.GetOperatingPoint().TargetSpecificity);
        Assert.Equal(["head", "body", "tail"], manifest.Location!.Regions);
        Assert.Equal(5, manifest.Eligibility!.Conditions.Count);
        Assert.Equal(3, manifest.Files.Count);
        Assert.Equal(["localizer.onnx", "stage2.onnx"], manifest.Networks().Select(n => n.File));
    }

    [Theory]
    [InlineData("$.network.slidingWindow.overlap", "network.slidingWindow.overlap", "1.0")]
    [InlineData("$.network.slidingWindow.patchSize[1]", "network.slidingWindow.patchSize", "[8, 0, 8]")]
    [InlineData("$.network.slidingWindow.mirrorAxes[1]", "network.slidingWindow.mirrorAxes", "[0, 3]")]
    [InlineData("$.network.slidingWindow.batchSize", "network.slidingWindow.batchSize", "0")]
    [InlineData("$.network.input.shape[0]", "network.slidingWindow.batchSize", "4")]
    [InlineData("$.network.input.shape[2]", "network.slidingWindow.patchSize", "[16, 8, 8]")]
    [InlineData("$.network.input.dtype", "network.input.dtype", "\"float16\"")]
    [InlineData("$.network.output.activation", "network.output.activation", "\"relu\"")]
    [InlineData("$.network.preprocessing.targetSpacingMm[2]", "network.preprocessing.targetSpacingMm", "[2, 2, -1]")]
    [InlineData("$.network.preprocessing.targetSpacingMm", "network.preprocessing.targetSpacingMm", "[2, 2]")]
    [InlineData("$.network.preprocessing.huClip", "network.preprocessing.huClip", "[300, -200]")]
    [InlineData("$.network.preprocessing.orientation", "network.preprocessing.orientation", "\"LPL\"")]
    [InlineData("$.network.preprocessing.normalization.std", "network.preprocessing.normalization.std", "0")]
    [InlineData("$.network.file", "network.file", "\"../evil.onnx\"")]
    [InlineData("$.cascade.organChannel", "cascade.organChannel", "5")]
    [InlineData("$.cascade.marginMm[0]", "cascade.marginMm", "[-1, 0, 0]")]
    [InlineData("$.labels[2].channel", "labels[2].channel", "7")]
    [InlineData("$.labels[2].value", "labels[1].value", "2")]
    [InlineData("$.postprocessing.connectivity", "postprocessing.connectivity", "8")]
    [InlineData("$.caseScore.kernelMm", "caseScore.kernelMm", "0")]
    [InlineData("$.caseScore.organMarginMm", "caseScore.organMarginMm", "-1")]
    [InlineData("$.caseScore.method", "caseScore.method", "\"maxInOrgan\"")]
    [InlineData("$.postprocessing.findingOrganMarginMm", "postprocessing.findingOrganMarginMm", "150")]
    [InlineData("$.operatingPoints[0].threshold", "operatingPoints[0].threshold", "1.5")]
    [InlineData("$.defaultOperatingPoint", "defaultOperatingPoint", "\"nope\"")]
    [InlineData("$.location.boundaries[1]", "location.boundaries", "[0.5, 0.4]")]
    [InlineData("$.files[0].sha256", "files[0].sha256", "\"ABC\"")]
    [InlineData("$.files[1].path", "files[1].path", "\"/etc/passwd\"")]
    [InlineData("$.id", "id", "\"Bad Id!\"")]
    [InlineData("$.modality", "modality", "\"MR\"")]
    [InlineData("$.schemaVersion", "schemaVersion", "2")]
    [InlineData("$.version", "version", "7")]
    [InlineData("$.eligibility.conditions.SliceThickness", "eligibility.conditions.SliceThickness", "[1, \"x\"]")]
    [InlineData("$.eligibility.name", "eligibility.name", "\"\"")]
    public void Names_the_field_of_each_error(string expectedPath, string field, string json)
    {
        JsonObject node = SampleManifest.Node();
        Set(node, field, JsonNode.Parse(json));

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => Parse(node));

        Assert.Contains(ex.Errors, e => e.Path == expectedPath);
        Assert.Contains(expectedPath, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "$.id")]
    [InlineData("network", "$.network")]
    [InlineData("labels", "$.labels")]
    [InlineData("operatingPoints", "$.operatingPoints")]
    [InlineData("files", "$.files")]
    [InlineData("caseScore", "$.caseScore")]
    public void Names_missing_required_fields(string field, string expectedPath)
    {
        JsonObject node = SampleManifest.Node();
        node.Remove(field);

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => Parse(node));

        Assert.Contains(ex.Errors, e => e.Path == expectedPath && e.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_all_errors_at_once_including_misspelt_fields()
    {
        JsonObject node = SampleManifest.Node();
        node["network"]!["slidingWindow"]!["overlapp"] = 0.5;
        node["network"]!["slidingWindow"]!["overlap"] = -1;
        node["caseScore"]!["channel"] = 9;
        node["files"]!.AsArray().RemoveAt(2);

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => Parse(node));

        Assert.Equal(
            ["$.caseScore.channel", "$.files", "$.network.slidingWindow.overlap", "$.network.slidingWindow.overlapp"],
            ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains("unknown field", ex.Errors.Single(e => e.Path.EndsWith("overlapp", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_file_must_be_hashed()
    {
        JsonObject node = SampleManifest.Node();
        node["files"]!.AsArray().RemoveAt(1);

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => Parse(node));

        Assert.Contains(ex.Errors, e => e.Path == "$.cascade.localizer.file" && e.Message.Contains("not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_need_a_code_for_reports()
    {
        JsonObject node = SampleManifest.Node();
        node["labels"]![2]!.AsObject().Remove("type");

        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => Parse(node));

        Assert.Contains(ex.Errors, e => e.Path == "$.labels[2].type");
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_position()
    {
        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => ManifestParser.Parse("{\"id\": }"u8, "m.json"));
        Assert.Equal("$", ex.Errors.Single().Path);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_manifests_are_refused_before_parsing()
    {
        var big = new byte[ManifestParser.MaxManifestBytes + 1];
        ManifestValidationException ex = Assert.Throws<ManifestValidationException>(() => ManifestParser.Parse(big, "big.json"));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    internal static ModelManifest Parse(JsonObject node) => ManifestParser.Parse(Encoding.UTF8.GetBytes(node.ToJsonString()), "manifest.json");

    [Fact]
    public void Reads_the_organ_restricted_case_score_and_finding_region()
    {
        JsonObject node = SampleManifest.Node();
        Set(node, "caseScore", JsonNode.Parse("""{ "method": "maxSmoothedProbabilityInOrgan", "channel": 2, "kernelMm": 6, "organMarginMm": 4 }"""));
        Set(node, "postprocessing.findingOrganMarginMm", JsonValue.Create(5.0));

        ModelManifest manifest = Parse(node);

        Assert.Equal(CaseScoreMethod.MaxSmoothedProbabilityInOrgan, manifest.CaseScore.Method);
        Assert.Equal(4.0, manifest.CaseScore.OrganMarginMm);
        Assert.Equal(5.0, manifest.Postprocessing.FindingOrganMarginMm);
        Assert.Null(Parse(SampleManifest.Node()).Postprocessing.FindingOrganMarginMm);
    }

    /// <summary>Sets a dotted path such as "network.slidingWindow.patchSize" or "labels[2].channel".</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        string[] parts = path.Split('.');
        JsonNode current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int? index = null;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                part = part[..bracket];
            }

            bool last = i == parts.Length - 1;
            if (index is null && last)
            {
                current[part] = value;
                return;
            }

            current = current[part]!;
            if (index is { } k)
            {
                if (last)
                {
                    current[k] = value;
                    return;
                }

                current = current[k]!;
            }
        }
    }
}
