namespace Edge.Inference.Packages;

/// <summary>
/// Optional PANDA-style cascade: a coarse localizer finds the organ, the volume is cropped to the organ's bounding box
/// plus a margin, and the main network runs on that crop only.
/// </summary>
public sealed record CascadeSpec
{
    public required NetworkSpec Localizer { get; init; }

    /// <summary>Localizer output channel of the organ whose largest connected component defines the crop.</summary>
    public required int OrganChannel { get; init; }

    /// <summary>Margin added on each side of the organ's bounding box, in mm, ordered z, y, x.</summary>
    public required double[] MarginMm { get; init; }
}
