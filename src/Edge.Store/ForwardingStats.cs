namespace Edge.Store;

/// <summary>Forwarding queue figures for GET /status, <c>edgectl status</c> and the heartbeat.</summary>
public sealed record ForwardingStats(int Pending, int Sent, int DeadLetters, DateTimeOffset? OldestPendingAt)
{
    public static ForwardingStats Empty { get; } = new(0, 0, 0, null);
}
