using Edge.Imaging.Eligibility;

namespace Edge.Inference.Packages;

/// <summary>The validated content of a package's manifest.json (schema version 1).</summary>
public sealed record ModelManifest
{
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Name { get; init; }
    public required string IntendedUse { get; init; }
    public required string Modality { get; init; }
    public required string BodyRegion { get; init; }

    /// <summary>The main (segmentation) network; with a cascade this is stage 2.</summary>
    public required NetworkSpec Network { get; init; }

    public CascadeSpec? Cascade { get; init; }
    public required IReadOnlyList<OutputLabel> Labels { get; init; }
    public required PostprocessingSpec Postprocessing { get; init; }
    public required CaseScoreSpec CaseScore { get; init; }
    public required IReadOnlyList<OperatingPoint> OperatingPoints { get; init; }

    /// <summary>The operating point decisions use unless the caller names another.</summary>
    public required string DefaultOperatingPoint { get; init; }

    public LocationSpec? Location { get; init; }

    /// <summary>Series selection rule in the Edge.Imaging rule format (one model entry); null means every series is eligible.</summary>
    public ModelRule? Eligibility { get; init; }

    public required IReadOnlyList<PackageFile> Files { get; init; }

    public OperatingPoint GetOperatingPoint(string? name = null)
    {
        string wanted = name ?? DefaultOperatingPoint;
        foreach (OperatingPoint point in OperatingPoints)
        {
            if (point.Name == wanted)
            {
                return point;
            }
        }

        throw new KeyNotFoundException($"model {Id} has no operating point '{wanted}'");
    }

    public IEnumerable<NetworkSpec> Networks()
    {
        if (Cascade is not null)
        {
            yield return Cascade.Localizer;
        }

        yield return Network;
    }
}
