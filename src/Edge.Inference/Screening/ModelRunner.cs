using System.Diagnostics;
using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Screening;

/// <summary>
/// Runs one verified package on one volume: orientation, the optional localizer and crop, the main network's sliding
/// window, then activation, label map, components, findings in patient geometry and the case score against the
/// operating point.
/// </summary>
public sealed class ModelRunner
{
    private readonly ModelSessionCache _sessions;

    public ModelRunner(ModelSessionCache sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _sessions = sessions;
    }

    /// <summary>
    /// Runs the model. Throws only for cancellation; a case the model cannot handle (e.g. the localizer finds no organ)
    /// comes back as <see cref="ScreeningDecision.Failed"/> with the reason.
    /// </summary>
    public ModelResult Run(CtVolume volume, ModelPackage package, string? operatingPoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(package);
        ModelManifest manifest = package.Manifest;
        OperatingPoint point = manifest.GetOperatingPoint(operatingPoint);
        var clock = new StageClock();
        ModelSession main = _sessions.Get(package, manifest.Network);

        CtVolume oriented = clock.Preprocess(() => AxisReorienter.ToOrientation(volume, manifest.Network.Preprocessing.Orientation));
        CtVolume input;
        if (manifest.Cascade is { } cascade)
        {
            CropBox? box = Localize(oriented, package, cascade, clock, cancellationToken);
            if (box is not { } crop)
            {
                return Result(package, main, point, clock) with
                {
                    Decision = ScreeningDecision.Failed,
                    Reason = $"the localizer found no {LabelName(manifest, cascade)}; the series may not cover it",
                };
            }

            input = clock.Preprocess(() => NetworkInputBuilder.Build(oriented, crop, manifest.Network.Preprocessing));
        }
        else
        {
            input = clock.Preprocess(() => NetworkInputBuilder.Build(oriented, manifest.Network.Preprocessing));
        }

        int voxels = checked((int)input.Shape.VoxelCount);
        int channels = main.OutputChannels;
        var maps = new float[checked(channels * voxels)];
        clock.Infer(() => main.Predict(input.Voxels, input.Shape, maps, null, cancellationToken));

        (double score, IReadOnlyList<Finding> findings, byte[] labels) = clock.Postprocess(() => Analyse(manifest, input.Geometry, maps, voxels));
        ScreeningDecision decision = score >= point.Threshold ? ScreeningDecision.Suspicious : ScreeningDecision.Negative;
        return Result(package, main, point, clock) with
        {
            Probability = score,
            Decision = decision,
            Findings = findings,
            Labels = new LabelMap(input.Geometry, labels),
            Reason = $"operating point '{point.Name}': threshold {ScoreText.Format(point.Threshold)}, calibrated for specificity {point.TargetSpecificity:0.###}",
        };
    }

    private CropBox? Localize(CtVolume volume, ModelPackage package, CascadeSpec cascade, StageClock clock, CancellationToken cancellationToken)
    {
        ModelSession localizer = _sessions.Get(package, cascade.Localizer);
        CtVolume coarse = clock.Preprocess(() => NetworkInputBuilder.Build(volume, cascade.Localizer.Preprocessing));
        int voxels = checked((int)coarse.Shape.VoxelCount);
        var maps = new float[checked(localizer.OutputChannels * voxels)];
        clock.Infer(() => localizer.Predict(coarse.Voxels, coarse.Shape, maps, null, cancellationToken));
        return clock.Postprocess<CropBox?>(() =>
        {
            ProbabilityActivation.Apply(maps, localizer.OutputChannels, voxels, cascade.Localizer.Output.Activation);
            OutputLabel[] identity = [.. Enumerable.Range(0, localizer.OutputChannels).Select(c => new OutputLabel { Channel = c, Value = c, Name = $"channel {c}", Role = LabelRole.Background })];
            byte[] map = LabelMapBuilder.Build(maps, localizer.OutputChannels, voxels, cascade.Localizer.Output.Activation, identity);
            IReadOnlyList<Component> organ = ConnectedComponents.Find(map, coarse.Shape, (byte)cascade.OrganChannel, 26);
            return organ.Count == 0 ? null : CascadeCropper.Compute(organ[0], coarse.Geometry, volume.Geometry, cascade.MarginMm);
        });
    }

    private static (double Score, IReadOnlyList<Finding> Findings, byte[] Labels) Analyse(ModelManifest manifest, VolumeGeometry grid, float[] maps, int voxels)
    {
        NetworkSpec network = manifest.Network;
        int channels = network.Output.Channels;
        ProbabilityActivation.Apply(maps, channels, voxels, network.Output.Activation);
        byte[] labels = LabelMapBuilder.Build(maps, channels, voxels, network.Output.Activation, manifest.Labels);
        PostprocessingSpec post = manifest.Postprocessing;

        // The organ with its findings, from the raw argmax (before the organ is trimmed to one component): where the
        // case score and the findings are looked for, and the gland along which a finding's location is measured.
        byte[] glandValues = [.. manifest.Labels.Where(l => l.Role is LabelRole.Organ or LabelRole.Finding).Select(l => (byte)l.Value)];
        OrganRegion? region = OrganRegion.Find(labels, grid.Shape, glandValues);
        bool[]? scoreRegion = manifest.CaseScore.Method == CaseScoreMethod.MaxSmoothedProbabilityInOrgan ? region?.Grow(manifest.CaseScore.OrganMarginMm, grid.Spacing) : null;
        bool[]? findingRegion = post.FindingOrganMarginMm is { } findingMargin ? region?.Grow(findingMargin, grid.Spacing) : null;

        OrganAxis? organ = null;
        if (manifest.Location is { } location && region is not null && manifest.Labels.Any(l => l.Role == LabelRole.Organ && l.Channel == location.OrganChannel))
        {
            // The whole gland, lesions included: a lesion that replaces the tail still lies at the tail end.
            organ = OrganAxis.Fit(region.Gland.Voxels, grid);
        }

        foreach (OutputLabel label in manifest.Labels.Where(l => l.Role == LabelRole.Organ && post.KeepLargestOrganComponent))
        {
            ConnectedComponents.KeepLargest(labels, grid.Shape, (byte)label.Value, post.Connectivity);
        }

        double voxelMl = grid.Spacing.Z * grid.Spacing.Y * grid.Spacing.X / 1000.0;
        var findings = new List<Finding>();
        foreach (OutputLabel label in manifest.Labels.Where(l => l.Role == LabelRole.Finding))
        {
            ReadOnlySpan<float> probability = maps.AsSpan(label.Channel * voxels, voxels);
            foreach (Component component in ConnectedComponents.Find(labels, grid.Shape, (byte)label.Value, post.Connectivity))
            {
                if (post.FindingOrganMarginMm is not null && (findingRegion is null || !component.Voxels.Any(v => findingRegion[v])))
                {
                    // Outside the organ: a look-alike, not a finding of this organ; the label map must not show it either.
                    foreach (int voxel in component.Voxels)
                    {
                        labels[voxel] = 0;
                    }
                }
                else if (component.VoxelCount * voxelMl >= post.MinFindingVolumeMl)
                {
                    findings.Add(FindingMeasurer.Measure(component, label, grid, probability, organ, manifest.Location));
                }
            }
        }

        findings.Sort((a, b) => b.Probability.CompareTo(a.Probability));
        double score = CaseScorer.Score(maps.AsSpan(manifest.CaseScore.Channel * voxels, voxels), grid.Shape, grid.Spacing, manifest.CaseScore, scoreRegion);
        return (score, findings, labels);
    }

    private static ModelResult Result(ModelPackage package, ModelSession main, OperatingPoint point, StageClock clock) => new()
    {
        Id = package.Id,
        Version = package.Version,
        Eligible = true,
        Decision = ScreeningDecision.Failed,
        Threshold = point.Threshold,
        TargetSpecificity = point.TargetSpecificity,
        Timings = clock.Timings,
        ExecutionProvider = ExecutionProviderNames.Display(main.Providers.Primary),
    };

    private static string LabelName(ModelManifest manifest, CascadeSpec cascade) =>
        manifest.Labels.FirstOrDefault(l => l.Role == LabelRole.Organ)?.Name ?? $"organ (localizer channel {cascade.OrganChannel})";

    /// <summary>Adds up wall time per stage.</summary>
    private sealed class StageClock
    {
        private readonly Stopwatch _watch = new();
        private double _pre, _infer, _post;

        public StageTimings Timings => new() { PreprocessMs = _pre, InferenceMs = _infer, PostprocessMs = _post };

        public T Preprocess<T>(Func<T> work) => Time(work, ref _pre);

        public void Infer(Action work) => Time(() => { work(); return 0; }, ref _infer);

        public T Postprocess<T>(Func<T> work) => Time(work, ref _post);

        private T Time<T>(Func<T> work, ref double total)
        {
            _watch.Restart();
            T result = work();
            total += _watch.Elapsed.TotalMilliseconds;
            return result;
        }
    }
}
