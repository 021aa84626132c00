namespace Edge.Inference.Packages;

/// <summary>One problem in a model manifest, named by the JSON path of the offending field.</summary>
public sealed record ManifestError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
