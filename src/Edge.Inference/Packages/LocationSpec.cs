namespace Edge.Inference.Packages;

/// <summary>
/// Names where along an organ a finding lies. The organ's principal axis is oriented so that position 0 is its
/// patient-right end (LPS −x; the pancreatic head), and <see cref="Boundaries"/> split [0, 1] into <see cref="Regions"/>.
/// </summary>
public sealed record LocationSpec
{
    public required int OrganChannel { get; init; }
    public required string[] Regions { get; init; }
    public required double[] Boundaries { get; init; }
}
