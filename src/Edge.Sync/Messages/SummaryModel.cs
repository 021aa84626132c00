namespace Edge.Sync.Messages;

/// <summary>One model's outcome in a summary.</summary>
public sealed class SummaryModel
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required string Sha256 { get; init; }

    public bool Eligible { get; init; }

    public string? Reason { get; init; }

    public double? Probability { get; init; }

    public double? Threshold { get; init; }

    public required string Decision { get; init; }

    public required IReadOnlyList<SummaryFinding> Findings { get; init; }

    public required SummaryModelTimings Timings { get; init; }
}
