using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;
using Edge.Imaging.Phantom;
using Edge.Inference.Packages;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>DICOM phantom → volume assembly → the reference package on ONNX Runtime → decisions and findings.</summary>
public sealed class ScreeningEndToEndTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void A_phantom_with_a_lesion_is_suspicious_with_the_finding_where_the_lesion_is()
    {
        using var temp = new TempDirectory();
        (AssembledVolume scan, PhantomGroundTruth truth) = ReferenceModelFixture.Scan(
            new PhantomOptions { Seed = 4242, Size = 256, Slices = 72, SliceThicknessMm = 2.5, LesionDiameterMm = 24, LesionSite = PancreasSite.Head, LesionContrastHu = 25 },
            temp.Path);

        ScreeningReport report = new ScreeningPipeline([model.Package], model.Sessions).Screen(scan.Volume, scan.Properties);

        ModelResult result = Assert.Single(report.Models);
        Assert.True(result.Eligible, result.Reason);
        Assert.Equal(ScreeningDecision.Suspicious, result.Decision);
        Assert.True(result.Probability >= result.Threshold);
        Assert.Equal("CPU", report.ExecutionProvider);
        Finding lesion = result.Findings[0];
        var centre = new Vector3D(truth.Lesion!.CentreLps[0], truth.Lesion.CentreLps[1], truth.Lesion.CentreLps[2]);
        Assert.True((lesion.CentroidLps - centre).Length < 12, $"finding at {lesion.CentroidLps}, lesion at {centre}");
        Assert.InRange(lesion.MaxDiameterMm, 12, 40);
        Assert.InRange(lesion.VolumeMl, 1.5, 15);
        Assert.Equal("head", lesion.Location);
        Assert.Equal("52988006", lesion.Type!.Value);
        Assert.True(result.Timings.InferenceMs > 0 && result.Timings.PreprocessMs > 0);
    }

    [Fact]
    public void A_phantom_without_a_lesion_is_negative()
    {
        using var temp = new TempDirectory();
        (AssembledVolume scan, _) = ReferenceModelFixture.Scan(
            new PhantomOptions { Seed = 4343, Size = 256, Slices = 72, SliceThicknessMm = 2.5, Lesion = false },
            temp.Path);

        ModelResult result = Assert.Single(new ScreeningPipeline([model.Package], model.Sessions).Screen(scan.Volume, scan.Properties).Models);

        Assert.Equal(ScreeningDecision.Negative, result.Decision);
        Assert.True(result.Probability < result.Threshold);
        Assert.DoesNotContain(result.Findings, f => f.Probability >= result.Threshold && f.VolumeMl > 0.5);
    }

    [Fact]
    public void One_scan_many_screens_each_model_judges_eligibility_on_its_own()
    {
        // A second package: the same networks under another id, whose rule asks for contrast-enhanced series.
        using var temp = new TempDirectory();
        string copy = Path.Combine(temp.Path, "models", "pancreas-contrast");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(RepositoryPaths.ReferencePackage))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        JsonObject manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "manifest.json")))!.AsObject();
        manifest["id"] = "pancreas-contrast";
        manifest["eligibility"]!["name"] = "pancreas-contrast";
        manifest["eligibility"]!["conditions"]!["Contrast"] = true;
        File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.ToJsonString());
        ModelPackage second = ModelPackageLoader.Load(copy);
        (AssembledVolume scan, _) = ReferenceModelFixture.Scan(
            new PhantomOptions { Seed = 4444, Size = 192, Slices = 50, SliceThicknessMm = 3, Lesion = false }, Path.Combine(temp.Path, "scan"));

        ScreeningReport report = new ScreeningPipeline([model.Package, second], model.Sessions).Screen(scan.Volume, scan.Properties);

        Assert.Equal(["pancreas-ref", "pancreas-contrast"], report.Models.Select(m => m.Id));
        Assert.Equal(ScreeningDecision.Negative, report.Models[0].Decision);
        ModelResult skipped = report.Models[1];
        Assert.Equal(ScreeningDecision.NotEligible, skipped.Decision);
        Assert.False(skipped.Eligible);
        Assert.Contains("Contrast", skipped.Reason, StringComparison.Ordinal);
        Assert.Null(skipped.Probability);

        using JsonDocument json = JsonDocument.Parse(ScreeningReportJson.Serialize(report));
        JsonElement second2 = json.RootElement.GetProperty("models")[1];
        Assert.Equal("not_eligible", second2.GetProperty("decision").GetString());
        Assert.Equal("CPU", json.RootElement.GetProperty("executionProvider").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("models")[0].GetProperty("findings").ValueKind);
        Assert.True(json.RootElement.GetProperty("models")[0].GetProperty("timings").GetProperty("inferenceMs").GetDouble() > 0);
    }

    [Fact]
    public void A_series_too_short_to_cover_the_pancreas_is_not_eligible()
    {
        using var temp = new TempDirectory();
        (AssembledVolume scan, _) = ReferenceModelFixture.Scan(new PhantomOptions { Seed = 4545, Size = 128, Slices = 20, SliceThicknessMm = 2, Lesion = false }, temp.Path);

        ModelResult result = Assert.Single(new ScreeningPipeline([model.Package], model.Sessions).Screen(scan.Volume, scan.Properties).Models);

        Assert.Equal(ScreeningDecision.NotEligible, result.Decision);
        Assert.Contains("ZCoverageMm", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_cannot_run_fails_alone_with_its_reason()
    {
        using var temp = new TempDirectory();
        JsonObject broken = SampleManifest.Node();
        broken["id"] = "broken";
        broken.Remove("eligibility");
        string directory = PackageBuilder.Write(temp.Path, broken, new Dictionary<string, byte[]> { ["stage2.onnx"] = "not a protobuf"u8.ToArray(), ["localizer.onnx"] = [1, 2, 3] });
        ModelPackage package = ModelPackageLoader.Load(directory);
        (AssembledVolume scan, _) = ReferenceModelFixture.Scan(new PhantomOptions { Seed = 4646, Size = 192, Slices = 50, SliceThicknessMm = 3, Lesion = false }, Path.Combine(temp.Path, "scan"));

        ScreeningReport report = new ScreeningPipeline([package, model.Package], model.Sessions).Screen(scan.Volume, scan.Properties);

        Assert.Equal(ScreeningDecision.Failed, report.Models[0].Decision);
        Assert.False(string.IsNullOrEmpty(report.Models[0].Reason));
        Assert.Equal(ScreeningDecision.Negative, report.Models[1].Decision);
    }
}
