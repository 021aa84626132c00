namespace Edge.Sync.Messages;

/// <summary>Published on <c>.../heartbeat</c> every <c>Mqtt:HeartbeatSeconds</c> while connected (QoS 0, not retained).</summary>
public sealed class HeartbeatMessage
{
    public required string DeviceId { get; init; }

    public required string SiteId { get; init; }

    public required string At { get; init; }

    public string? Version { get; init; }

    public long UptimeSeconds { get; init; }

    /// <summary>Jobs queued or in progress.</summary>
    public int QueueDepth { get; init; }

    /// <summary>Bytes free on the data partition.</summary>
    public long DiskFreeBytes { get; init; }

    public string? ExecutionProvider { get; init; }

    /// <summary>Outbox entries waiting for the broker.</summary>
    public int OutboxBacklog { get; init; }

    /// <summary>Age in seconds of the oldest waiting entry.</summary>
    public long? OutboxOldestSeconds { get; init; }

    /// <summary>Entries ever lost unsent: dropped because the outbox was full, or expired.</summary>
    public long Dropped { get; init; }

    /// <summary>Entries the broker refused for good and kept for inspection (plus the forwarding queue's, when it reports).</summary>
    public long DeadLetters { get; init; }

    /// <summary>DICOM forwarding items (instance × destination) waiting for their destination.</summary>
    public int ForwardingPending { get; init; }

    /// <summary>Age in seconds of the oldest waiting forwarding item.</summary>
    public long? ForwardingOldestSeconds { get; init; }

    /// <summary>DICOM forwarding items given up after their attempts (kept on the device; also counted in <see cref="DeadLetters"/>).</summary>
    public int ForwardingDeadLetters { get; init; }

    public string? LastError { get; init; }

    public string? LastErrorAt { get; init; }

    /// <summary>Active alarm codes, e.g. <c>low_disk</c>, <c>outbox_dropping</c>.</summary>
    public required IReadOnlyList<string> Alarms { get; init; }
}
