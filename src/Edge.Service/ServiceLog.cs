using Microsoft.Extensions.Logging;

namespace Edge.Service;

/// <summary>
/// Log messages of <c>edge-service</c>; event ids 6000-6199 belong to it. Messages carry no patient data: series are
/// named by job id and generation, never by UID, name or accession.
/// </summary>
internal static partial class ServiceLog
{
    [LoggerMessage(6000, LogLevel.Information, "edge-service {Version} starting: data {DataRoot}, DICOM {AeTitle} on port {Port}, control socket {Socket}")]
    public static partial void Starting(ILogger logger, string version, string dataRoot, string aeTitle, int port, string socket);

    [LoggerMessage(6001, LogLevel.Information, "Ready: {Models} model(s) on {Provider}; {Queued} job(s) queued")]
    public static partial void Ready(ILogger logger, int models, string provider, int queued);

    [LoggerMessage(6002, LogLevel.Error, "Stage {Stage} failed; restarting it in {DelaySeconds} s")]
    public static partial void StageFailed(ILogger logger, Exception exception, string stage, double delaySeconds);

    [LoggerMessage(6003, LogLevel.Information, "Models from {Directory} ({Source}): {Active}")]
    public static partial void ModelsLoaded(ILogger logger, string directory, string source, string active);

    [LoggerMessage(6004, LogLevel.Error, "Model package {Directory} refused: {Reason}")]
    public static partial void ModelRefused(ILogger logger, string directory, string reason);

    [LoggerMessage(6005, LogLevel.Error, "No usable model package: {Reason}. Series are received and queued, and fail until a model is installed")]
    public static partial void NoModels(ILogger logger, string reason);

    [LoggerMessage(6006, LogLevel.Information, "Start-up recovery: {Requeued} interrupted job(s) re-queued, {Failed} failed; {Rescanned} series found on disk re-tracked")]
    public static partial void Recovered(ILogger logger, int requeued, int failed, int rescanned);

    [LoggerMessage(6010, LogLevel.Information, "Association {Summary}")]
    public static partial void AssociationEnded(ILogger logger, string summary);

    [LoggerMessage(6011, LogLevel.Information, "Series complete: job {JobId} generation {Generation}, {Instances} instance(s)")]
    public static partial void SeriesQueued(ILogger logger, long jobId, int generation, int instances);

    [LoggerMessage(6012, LogLevel.Information, "Job {JobId}: assembled {Shape} in {Milliseconds:0} ms")]
    public static partial void Assembled(ILogger logger, long jobId, string shape, double milliseconds);

    [LoggerMessage(6013, LogLevel.Warning, "Job {JobId}: series failed: {Reason}")]
    public static partial void SeriesFailed(ILogger logger, long jobId, string reason);

    [LoggerMessage(6014, LogLevel.Information, "Job {JobId}: {Decision} on {Provider}, screened in {Milliseconds:0} ms, {TotalMs:0} ms after the last instance")]
    public static partial void Screened(ILogger logger, long jobId, string decision, string provider, double milliseconds, double totalMs);

    [LoggerMessage(6015, LogLevel.Information, "Job {JobId} skipped: {Reason}")]
    public static partial void JobSkipped(ILogger logger, long jobId, string reason);

    [LoggerMessage(6016, LogLevel.Information, "Reprocess requested: job {JobId} generation {Generation}")]
    public static partial void ReprocessRequested(ILogger logger, long jobId, int generation);

    [LoggerMessage(6017, LogLevel.Error, "Result listener {Listener} failed on job {JobId}; the screening result stands")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string listener, long jobId);

    [LoggerMessage(6018, LogLevel.Debug, "Released {Megabytes:0} MB after the series in {Milliseconds:0} ms")]
    public static partial void MemoryReleased(ILogger logger, double megabytes, double milliseconds);

    [LoggerMessage(6020, LogLevel.Information, "Retention: deleted received files of {Series} series ({Megabytes:0.0} MB){Why}")]
    public static partial void FilesPurged(ILogger logger, int series, double megabytes, string why);

    [LoggerMessage(6021, LogLevel.Warning, "Could not delete received files in {Directory}: {Reason}")]
    public static partial void PurgeFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(6022, LogLevel.Warning, "Storage over its limit ({UsedMegabytes:0} MB used, quota {QuotaMegabytes:0} MB, {FreeMegabytes:0} MB free) and nothing processed is left to delete")]
    public static partial void QuotaExceeded(ILogger logger, double usedMegabytes, double quotaMegabytes, double freeMegabytes);

    [LoggerMessage(6030, LogLevel.Warning, "Alarm raised: {Alarm}")]
    public static partial void AlarmRaised(ILogger logger, string alarm);

    [LoggerMessage(6031, LogLevel.Information, "Alarm cleared: {Alarm}")]
    public static partial void AlarmCleared(ILogger logger, string alarm);

    [LoggerMessage(6040, LogLevel.Information, "systemd notify socket {Path}; watchdog {Watchdog}")]
    public static partial void Systemd(ILogger logger, string path, string watchdog);

    [LoggerMessage(6041, LogLevel.Error, "Watchdog ping withheld: stage {Stage} is {State} (last beat {SecondsAgo:0} s ago{Detail})")]
    public static partial void WatchdogWithheld(ILogger logger, string stage, string state, double secondsAgo, string detail);

    [LoggerMessage(6042, LogLevel.Warning, "Could not notify systemd at {Path}")]
    public static partial void NotifyFailed(ILogger logger, string path);

    [LoggerMessage(6050, LogLevel.Information, "Control API listening on {Socket}")]
    public static partial void ControlListening(ILogger logger, string socket);

    [LoggerMessage(6051, LogLevel.Warning, "Removed a stale control socket {Socket} left by an earlier run")]
    public static partial void StaleSocketRemoved(ILogger logger, string socket);

    [LoggerMessage(6052, LogLevel.Information, "Warm-up screening of a lesion-free test phantom: {Verdicts}; with a fine-pixel phantom with a lesion too, {Milliseconds:0} ms in all")]
    public static partial void WarmUpScreened(ILogger logger, string verdicts, double milliseconds);

    [LoggerMessage(6053, LogLevel.Warning, "Warm-up screening of a lesion-free test phantom did not come out negative: {Verdicts}; the model or its execution provider may compute wrongly")]
    public static partial void WarmUpUnexpected(ILogger logger, string verdicts);

    [LoggerMessage(6054, LogLevel.Warning, "Warm-up screening of a test phantom could not run ({Error}: {Message}); the first series will be slower")]
    public static partial void WarmUpFailed(ILogger logger, string error, string message);

    [LoggerMessage(6055, LogLevel.Information, "Warm-up of the store's series path on a scratch database: {Milliseconds:0} ms")]
    public static partial void StoreWarmedUp(ILogger logger, double milliseconds);

    [LoggerMessage(6056, LogLevel.Warning, "Warm-up of the store's series path could not run ({Error}: {Message}); the first series will be slower")]
    public static partial void StoreWarmUpFailed(ILogger logger, string error, string message);
}
