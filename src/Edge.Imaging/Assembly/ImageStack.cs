using System.Globalization;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Frames of one series that form one stack: the same orientation (within tolerance), image type, stack id and
/// temporal position (phase). A series may hold several (axial and coronal reconstructions, phases).
/// </summary>
public sealed class ImageStack(IReadOnlyList<FrameHeader> frames)
{
    public IReadOnlyList<FrameHeader> Frames => frames;

    public FrameHeader Reference => frames[0];

    public Vector3D Normal => Reference.Normal;

    public SliceOrientation Orientation => SliceOrientationClassifier.Classify(Normal);

    /// <summary>Distinct files the frames come from.</summary>
    public int FileCount => frames.Select(f => f.Source).Distinct().Count();

    public string Describe()
    {
        string type = string.Join('\\', Reference.ImageType);
        string phase = Reference.TemporalPosition is { } t ? string.Create(CultureInfo.InvariantCulture, $", phase {t}") : string.Empty;
        string acquisition = Reference.AcquisitionNumber is { } a ? string.Create(CultureInfo.InvariantCulture, $", acquisition {a}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Orientation.ToString().ToLowerInvariant()} {frames.Count} images {type}{phase}{acquisition}");
    }

    public override string ToString() => Describe();
}
