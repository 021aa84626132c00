namespace Edge.Inference.Packages;

/// <summary>The models root in use and which rule of <see cref="ModelDirectoryResolver"/> chose it.</summary>
public sealed record ModelDirectory(string Path, string Source);
