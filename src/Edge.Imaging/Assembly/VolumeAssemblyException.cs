namespace Edge.Imaging.Assembly;

/// <summary>A series that cannot become a volume (no usable images, too large, undecodable pixels); the message says why.</summary>
public sealed class VolumeAssemblyException : Exception
{
    public VolumeAssemblyException(string message)
        : base(message)
    {
    }

    public VolumeAssemblyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
