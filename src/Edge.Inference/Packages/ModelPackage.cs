namespace Edge.Inference.Packages;

/// <summary>A package whose manifest validated and whose every listed file matched its SHA-256 when loaded.</summary>
public sealed class ModelPackage
{
    internal ModelPackage(string directory, ModelManifest manifest, IReadOnlyList<string> unlistedFiles)
    {
        Directory = directory;
        Manifest = manifest;
        UnlistedFiles = unlistedFiles;
    }

    public string Directory { get; }
    public ModelManifest Manifest { get; }
    public string Id => Manifest.Id;
    public string Version => Manifest.Version;

    /// <summary>Files in the package directory that the manifest does not list (never loaded; reported by <c>models verify</c>).</summary>
    public IReadOnlyList<string> UnlistedFiles { get; }

    public string PathOf(NetworkSpec network) => Path.Combine(Directory, network.File);

    /// <summary>The verified SHA-256 of a network's ONNX file: it keys session and TensorRT engine caches.</summary>
    public string Sha256Of(NetworkSpec network)
        => Manifest.Files.First(f => f.Path == network.File).Sha256;

    public override string ToString() => $"{Id} {Version}";
}
