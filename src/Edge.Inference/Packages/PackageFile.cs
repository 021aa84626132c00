namespace Edge.Inference.Packages;

/// <summary>A file of a package with its expected SHA-256 (lower-case hex).</summary>
public sealed record PackageFile(string Path, string Sha256);
