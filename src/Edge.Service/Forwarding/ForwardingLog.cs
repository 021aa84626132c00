using Microsoft.Extensions.Logging;

namespace Edge.Service.Forwarding;

/// <summary>Forwarding and result-object log messages; event ids 6100-6149 belong to them.</summary>
internal static partial class ForwardingLog
{
    [LoggerMessage(6100, LogLevel.Information, "Forwarding to {Destination}: originals {Originals}, results {Results}")]
    public static partial void DestinationConfigured(ILogger logger, string destination, bool originals, bool results);

    [LoggerMessage(6101, LogLevel.Error, "Could not queue {Count} received instances for forwarding; their files stay, and recovery or retention queues them")]
    public static partial void EnqueueFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(6102, LogLevel.Information, "Forwarded {Sent} of {Count} instances to {Destination} in {Ms:F0} ms")]
    public static partial void BatchSent(ILogger logger, int sent, int count, string destination, double ms);

    [LoggerMessage(6103, LogLevel.Warning, "{Destination} unreachable ({Error}); {Count} instances wait, next try in {DelaySeconds:F1} s")]
    public static partial void DestinationUnreachable(ILogger logger, string destination, string error, int count, double delaySeconds);

    [LoggerMessage(6104, LogLevel.Warning, "{Destination} refused instance {SopInstanceUid}: {Error} (attempt {Attempt})")]
    public static partial void InstanceRefused(ILogger logger, string destination, string sopInstanceUid, string error, int attempt);

    [LoggerMessage(6105, LogLevel.Error, "Forwarding item {Id} to {Destination} dead-lettered: {Error}")]
    public static partial void DeadLettered(ILogger logger, long id, string destination, string error);

    [LoggerMessage(6106, LogLevel.Information, "Result objects for result {ResultId}: {Count} written ({Kinds}), queued for {Destinations} destinations")]
    public static partial void ResultObjectsQueued(ILogger logger, Guid resultId, int count, string kinds, int destinations);

    [LoggerMessage(6107, LogLevel.Information, "No result objects for result {ResultId}: {Notes}")]
    public static partial void NoResultObjects(ILogger logger, Guid resultId, string notes);

    [LoggerMessage(6108, LogLevel.Error, "Result objects for result {ResultId} could not be made")]
    public static partial void ResultObjectsFailed(ILogger logger, Exception exception, Guid resultId);

    [LoggerMessage(6109, LogLevel.Warning, "Retention found {Count} received files never queued for forwarding in {Directory}; queued them now and kept the files")]
    public static partial void RequeuedUnforwarded(ILogger logger, int count, string directory);

    [LoggerMessage(6111, LogLevel.Warning, "Forwarding recovery: {Count} received originals had no queue entry (lost to a crash or a failed enqueue) and were queued")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(6112, LogLevel.Error, "Forwarding recovery could not scan the received tree; retention still keeps unqueued files")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(6113, LogLevel.Warning, "Forwarding: {Count} pending items belong to destinations no longer configured; dead-lettered")]
    public static partial void Unconfigured(ILogger logger, int count);

    [LoggerMessage(6110, LogLevel.Information, "Forwarding: {Count} finished items older than {Days} days pruned")]
    public static partial void Pruned(ILogger logger, int count, int days);
}
