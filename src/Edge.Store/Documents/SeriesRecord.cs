using LiteDB;

namespace Edge.Store.Documents;

/// <summary>One received series, keyed by its Series Instance UID.</summary>
public sealed class SeriesRecord
{
    /// <summary>Series Instance UID (0020,000E). Local only: it never leaves the box.</summary>
    [BsonId]
    public string SeriesInstanceUid { get; set; } = "";

    /// <summary>Study Instance UID (0020,000D). Local only.</summary>
    public string StudyInstanceUid { get; set; } = "";

    /// <summary>Bumped by a reprocess request; a job is unique per series and generation.</summary>
    public int Generation { get; set; }

    public SeriesState State { get; set; }

    public int InstanceCount { get; set; }

    public DateTimeOffset FirstReceivedAt { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Folder holding the received instances until retention deletes them.</summary>
    public string? StoragePath { get; set; }

    /// <summary>Set when the received files have been deleted by retention.</summary>
    public DateTimeOffset? FilesPurgedAt { get; set; }

    public AcquisitionInfo Acquisition { get; set; } = new();

    public LocalIdentifiers Identifiers { get; set; } = new();

    public string? FailureReason { get; set; }

    /// <summary>The latest result for this series, if any.</summary>
    public Guid? LatestResultId { get; set; }
}
