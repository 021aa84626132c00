namespace Edge.Inference.Packages;

/// <summary>A model package whose files do not match its manifest (missing, tampered or unsafe); it must never be run.</summary>
public sealed class PackageIntegrityException : Exception
{
    public PackageIntegrityException()
    {
    }

    public PackageIntegrityException(string message)
        : base(message)
    {
    }

    public PackageIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
