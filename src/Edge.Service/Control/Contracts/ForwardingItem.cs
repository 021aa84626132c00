namespace Edge.Service.Control.Contracts;

/// <summary>One forwarding queue item: an instance bound for one destination.</summary>
public sealed record ForwardingItem(
    long Id,
    string Destination,
    string Kind,
    string State,
    string SopInstanceUid,
    string SopClassUid,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? FinishedAt);
