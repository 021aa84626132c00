namespace Edge.Service.Control.Contracts;

/// <summary>One outbox entry without its payload.</summary>
public sealed record OutboxItem(
    long Id,
    string Kind,
    string Topic,
    Guid MessageId,
    Guid? ResultId,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? FinishedAt,
    int PayloadBytes);
