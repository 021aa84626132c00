namespace Edge.Service.Control.Contracts;

/// <summary>The durable outbox: what waits for the broker, and what was lost (counted since the database was created).</summary>
public sealed record OutboxStatus(int Pending, int DeadLetters, long Dropped, long Expired, DateTimeOffset? OldestPendingAt);
