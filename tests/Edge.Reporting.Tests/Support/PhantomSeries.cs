using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Inference.Screening;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Tests.Support;

/// <summary>
/// A lesion phantom written as a real CT series and assembled back from the files, as the service does; its truth labels
/// play the model's label map and its lesion is measured by the inference layer's own measurer, so the findings agree
/// with the mask exactly. Generated once for the test collection.
/// </summary>
public sealed class PhantomSeries : IDisposable
{
    private readonly TempDirectory _directory = new();

    public PhantomSeries()
    {
        Phantom = PhantomGenerator.Generate(new PhantomOptions
        {
            Seed = 7,
            Size = 128,
            Slices = 48,
            SliceThicknessMm = 2.5,
            Lesion = true,
            LesionDiameterMm = 24,
            LesionSite = PancreasSite.Head,
            NoiseSigmaHu = 8,
        });
        PhantomWriter.Write(Phantom, _directory.Path, new PhantomOutputOptions
        {
            Labels = false,
            DicomOptions = new PhantomDicomOptions { PatientName = "MÜLLER^JÖRG", AcquisitionTime = new DateTime(2024, 5, 6, 7, 8, 9) },
        });
        Files = [.. Directory.GetFiles(Path.Combine(_directory.Path, PhantomWriter.DicomFolder), "*.dcm").Order()];
        Assembled = VolumeAssembler.AssembleFiles(Files);
        Source = SourceSeries.FromPlan(Assembled.Plan);
        Labels = new LabelVolume(Phantom.Geometry, Phantom.Labels);
        Lesion = Measure();
    }

    public PhantomVolume Phantom { get; }

    public IReadOnlyList<string> Files { get; }

    public AssembledVolume Assembled { get; }

    public SourceSeries Source { get; }

    /// <summary>The truth labels (1 pancreas, 2 lesion) on the phantom's grid.</summary>
    public LabelVolume Labels { get; }

    public Finding Lesion { get; }

    public ModelResult Suspicious() => Result(ScreeningDecision.Suspicious, 0.931, [Lesion]);

    public ModelResult Negative() => Result(ScreeningDecision.Negative, 0.042, []);

    public static ModelResult NotEligible() => new()
    {
        Id = TestManifest.Manifest.Id,
        Version = TestManifest.Manifest.Version,
        Eligible = false,
        Decision = ScreeningDecision.NotEligible,
        Reason = "SliceThickness 7.5 is outside [0.5, 5.0]",
    };

    public static ModelResult Failed() => new()
    {
        Id = TestManifest.Manifest.Id,
        Version = TestManifest.Manifest.Version,
        Eligible = true,
        Decision = ScreeningDecision.Failed,
        Reason = "the localizer found no pancreas; the series may not cover it",
    };

    public ResultReportRequest Request(ModelResult result, string seed = "result-1", LabelVolume? labels = null) => new()
    {
        Source = Source,
        Result = result,
        Algorithm = TestManifest.Algorithm,
        Volume = Assembled.Volume,
        Labels = labels ?? Labels,
        UidSeed = seed,
        CreatedAt = new DateTimeOffset(2024, 5, 6, 9, 30, 0, TimeSpan.FromHours(2)),
    };

    public void Dispose() => _directory.Dispose();

    private static ModelResult Result(ScreeningDecision decision, double probability, IReadOnlyList<Finding> findings) => new()
    {
        Id = TestManifest.Manifest.Id,
        Version = TestManifest.Manifest.Version,
        Eligible = true,
        Decision = decision,
        Probability = probability,
        Threshold = 0.5,
        TargetSpecificity = 0.99,
        Findings = findings,
        Reason = "operating point 'spec99': threshold 0.5, calibrated for specificity 0.99",
    };

    private Finding Measure()
    {
        ModelManifest manifest = TestManifest.Manifest;
        OutputLabel lesion = manifest.Labels.Single(l => l.Role == LabelRole.Finding);
        Component pancreas = ConnectedComponents.Find(Phantom.Labels, Phantom.Geometry.Shape, 1, 26)[0];
        Component component = ConnectedComponents.Find(Phantom.Labels, Phantom.Geometry.Shape, 2, 26)[0];
        var probability = new float[Phantom.Labels.Length];
        foreach (int voxel in component.Voxels)
        {
            probability[voxel] = 0.87f;
        }

        OrganAxis? axis = OrganAxis.Fit(pancreas.Voxels, Phantom.Geometry);
        return FindingMeasurer.Measure(component, lesion, Phantom.Geometry, probability, axis, manifest.Location);
    }
}
