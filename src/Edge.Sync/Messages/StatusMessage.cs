namespace Edge.Sync.Messages;

/// <summary>Retained on <c>.../status</c>: <c>online</c> after each connect, <c>offline</c> by last will or shutdown.</summary>
public sealed class StatusMessage
{
    public required string State { get; init; }

    public required string DeviceId { get; init; }

    public required string SiteId { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<ModelIdentity>? Models { get; init; }

    public required string At { get; init; }

    /// <summary>For offline: <c>shutdown</c> (orderly) or <c>lost</c> (the broker fired the last will).</summary>
    public string? Reason { get; init; }
}
