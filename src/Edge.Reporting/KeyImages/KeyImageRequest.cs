using Edge.Imaging;
using Edge.Reporting.Sources;

namespace Edge.Reporting.KeyImages;

/// <summary>One key image: a slice of the volume, the findings to mark on it, and the texts around it.</summary>
public sealed record KeyImageRequest
{
    public required CtVolume Volume { get; init; }

    /// <summary>The slice to show (volume index).</summary>
    public required int Z { get; init; }

    public IReadOnlyList<KeyImageMark> Marks { get; init; } = [];

    /// <summary>A label map on the volume's grid: mark segments are outlined from it, <see cref="OrganSegments"/> faintly.</summary>
    public LabelVolume? Labels { get; init; }

    /// <summary>Label values drawn as the organ's outline.</summary>
    public IReadOnlyList<byte> OrganSegments { get; init; } = [];

    /// <summary>Burned-in banner across the top; null for none.</summary>
    public string? Banner { get; init; }

    /// <summary>A small line at the bottom (model, window, slice).</summary>
    public string? Caption { get; init; }
}
