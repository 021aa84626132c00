using Microsoft.Extensions.Logging;

namespace Edge.Store;

/// <summary>Store log messages; event ids 3000-3099 belong to the store.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(3000, LogLevel.Information, "Store opened: {Path} (data {DataBytes} B, log {LogBytes} B)")]
    public static partial void Opened(ILogger logger, string path, long dataBytes, long logBytes);

    [LoggerMessage(3001, LogLevel.Warning, "Recovered jobs interrupted by a crash: {Requeued} re-queued, {Failed} failed after repeated interruption")]
    public static partial void JobsRecovered(ILogger logger, int requeued, int failed);

    [LoggerMessage(3002, LogLevel.Warning, "Outbox full: dropped {Count} oldest pending entries (limit {Limit})")]
    public static partial void OutboxDropped(ILogger logger, int count, int limit);

    [LoggerMessage(3003, LogLevel.Warning, "Outbox: {Count} pending entries expired before delivery")]
    public static partial void OutboxExpired(ILogger logger, int count);

    [LoggerMessage(3004, LogLevel.Information, "Retention pruned {Results} results, {Jobs} jobs, {Series} series, {Audit} audit events, {Outbox} outbox entries")]
    public static partial void Pruned(ILogger logger, int results, int jobs, int series, int audit, int outbox);
}
