using Microsoft.Extensions.Logging;

namespace Edge.Sync;

/// <summary>Sync log messages; event ids 4000-4099 belong to sync. None carries a secret or PHI.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(4000, LogLevel.Information, "MQTT connected to {Endpoint} as {ClientId} (TLS {Tls})")]
    public static partial void Connected(ILogger logger, string endpoint, string clientId, bool tls);

    [LoggerMessage(4001, LogLevel.Warning, "MQTT connection to {Endpoint} failed (attempt {Attempt}): {Reason}; retrying in {DelaySeconds:0.0} s")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, long attempt, string reason, double delaySeconds);

    [LoggerMessage(4002, LogLevel.Warning, "MQTT connection lost: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(4003, LogLevel.Warning, "Broker refused outbox entry {EntryId} ({Kind}): {ReasonCode}; attempt {Attempt}")]
    public static partial void PublishRefused(ILogger logger, long entryId, string kind, string reasonCode, int attempt);

    [LoggerMessage(4004, LogLevel.Error, "Outbox entry {EntryId} ({Kind}) dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, long entryId, string kind, string reason);

    [LoggerMessage(4005, LogLevel.Debug, "Published outbox entry {EntryId} ({Kind}) to {Topic}")]
    public static partial void Published(ILogger logger, long entryId, string kind, string topic);

    [LoggerMessage(4006, LogLevel.Error, "Summary for result {ResultId} withheld: {Reason}")]
    public static partial void SummaryWithheld(ILogger logger, Guid resultId, string reason);

    [LoggerMessage(4007, LogLevel.Warning, "Heartbeat publish failed: {Reason}")]
    public static partial void HeartbeatFailed(ILogger logger, string reason);

    [LoggerMessage(4008, LogLevel.Information, "MQTT sync stopping: published offline status")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(4010, LogLevel.Warning, "MQTT sync is off (Mqtt:Host is empty); summaries stay in the outbox")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(4009, LogLevel.Error, "Sync stage {Stage} failed; it restarts in {DelaySeconds} s")]
    public static partial void StageFailed(ILogger logger, Exception exception, string stage, double delaySeconds);
}
