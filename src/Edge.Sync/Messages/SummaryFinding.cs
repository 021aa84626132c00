namespace Edge.Sync.Messages;

/// <summary>One finding in a summary: what, how big, where (region and scanner coordinates only).</summary>
public sealed class SummaryFinding
{
    public required string Label { get; init; }

    public double? Probability { get; init; }

    public double? VolumeMl { get; init; }

    public double? MaxDiameterMm { get; init; }

    public SummaryLocation? Location { get; init; }
}
