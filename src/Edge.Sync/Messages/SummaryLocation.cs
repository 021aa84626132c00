namespace Edge.Sync.Messages;

public sealed class SummaryLocation
{
    public string? Region { get; init; }

    public IReadOnlyList<double>? CentroidLps { get; init; }
}
