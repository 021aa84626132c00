namespace Edge.Inference.Packages;

/// <summary>One package directory found under the models root: either loaded and verified, or the reason it was refused.</summary>
public sealed record ModelCatalogEntry(string Directory, ModelPackage? Package, string? Error)
{
    public bool IsValid => Package is not null;
}
