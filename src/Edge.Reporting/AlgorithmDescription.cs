using Edge.Inference.Packages;

namespace Edge.Reporting;

/// <summary>
/// The model as result objects name it: the algorithm (TID 4019: name, version, parameters), the contributing
/// equipment, and the label codes its segments and findings carry. Built from a verified package.
/// </summary>
public sealed record AlgorithmDescription
{
    // Phrases a model card uses to say its output must not be used clinically.
    private static readonly string[] NotForClinicalUsePhrases =
        ["NOT FOR CLINICAL USE", "NOT FOR DIAGNOSTIC USE", "NOT FOR DIAGNOSIS", "RESEARCH USE ONLY", "INVESTIGATIONAL USE ONLY"];

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>SHA-256 (hex) of the main network's ONNX file, as the manifest lists and the loader verified it.</summary>
    public required string Sha256 { get; init; }

    public string IntendedUse { get; init; } = string.Empty;

    /// <summary>The manifest's output labels: their names, roles and codes.</summary>
    public IReadOnlyList<OutputLabel> Labels { get; init; } = [];

    /// <summary>Voxel connectivity the model's post-processing separates findings with (6, 18 or 26).</summary>
    public int Connectivity { get; init; } = 26;

    /// <summary>The operating point's name, if the result used a named one.</summary>
    public string? OperatingPoint { get; init; }

    /// <summary>True when the model card (its intended use) says the output is not for clinical use or diagnosis.</summary>
    public bool NotForClinicalUse =>
        NotForClinicalUsePhrases.Any(p => IntendedUse.Contains(p, StringComparison.OrdinalIgnoreCase));

    public static AlgorithmDescription FromPackage(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return FromManifest(package.Manifest, package.Sha256Of(package.Manifest.Network));
    }

    public static AlgorithmDescription FromManifest(ModelManifest manifest, string sha256)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return new AlgorithmDescription
        {
            Id = manifest.Id,
            Name = manifest.Name,
            Version = manifest.Version,
            Sha256 = sha256,
            IntendedUse = manifest.IntendedUse,
            Labels = manifest.Labels,
            Connectivity = manifest.Postprocessing.Connectivity,
            OperatingPoint = manifest.DefaultOperatingPoint,
        };
    }
}
