namespace Edge.Inference.Packages;

/// <summary>A manifest that cannot be used; <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
public sealed class ManifestValidationException : Exception
{
    public ManifestValidationException(string source, IReadOnlyList<ManifestError> errors)
        : base($"invalid model manifest {source}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Source = source;
        Errors = errors;
    }

    public ManifestValidationException()
        : this("(unknown)", [])
    {
    }

    public ManifestValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ManifestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ManifestError> Errors { get; }
}
