namespace Edge.Sync.Messages;

public sealed class SummaryPipelineTimings
{
    public double? CompletionMs { get; init; }

    public double? QueueMs { get; init; }

    public double? AssemblyMs { get; init; }

    public double? InferenceMs { get; init; }

    public double? TotalMs { get; init; }
}
