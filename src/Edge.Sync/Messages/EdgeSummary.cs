namespace Edge.Sync.Messages;

/// <summary>
/// The summary document (schema <c>Schemas/edge-summary-v1.schema.json</c>). Every property is set by
/// <see cref="SummaryBuilder"/> from an allow-listed input field; nothing is copied wholesale from a dataset.
/// </summary>
public sealed class EdgeSummary
{
    public required string Kind { get; init; }

    public required Guid Id { get; init; }

    public Guid? SummaryId { get; init; }

    public required string SchemaVersion { get; init; }

    public required string DeviceId { get; init; }

    public required string SiteId { get; init; }

    public required string CreatedAt { get; init; }

    public required string StudyKey { get; init; }

    public required string SeriesKey { get; init; }

    public int Generation { get; init; }

    public required string Modality { get; init; }

    public string? Manufacturer { get; init; }

    public string? ManufacturerModelName { get; init; }

    public int SliceCount { get; init; }

    public double? SliceThicknessMm { get; init; }

    public double? Kvp { get; init; }

    public required string Decision { get; init; }

    public string? FailureReason { get; init; }

    public required IReadOnlyList<SummaryModel> Models { get; init; }

    public required SummaryPipelineTimings Timings { get; init; }

    public required string ExecutionProvider { get; init; }
}
