namespace Edge.Service.Control.Contracts;

/// <summary>
/// The DICOM forwarding queue: items (one per instance and destination) waiting, sent and dead-lettered, and instances
/// whose enqueue failed as they arrived (retention queues those before it may delete them).
/// </summary>
public sealed record ForwardingStatus(
    int Pending,
    int Sent,
    int DeadLetters,
    DateTimeOffset? OldestPendingAt,
    long EnqueueFailures,
    IReadOnlyList<DestinationStatus> Destinations);
