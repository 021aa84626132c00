namespace Edge.Sync.Messages;

public sealed class SummaryModelTimings
{
    public double? PreprocessMs { get; init; }

    public double? InferenceMs { get; init; }

    public double? PostprocessMs { get; init; }

    public double? TotalMs { get; init; }
}
