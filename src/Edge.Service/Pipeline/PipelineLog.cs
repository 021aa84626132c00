using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>Log events of pre-decoding and assembly steps (6080-6089). No paths or UIDs: they would carry patient context.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(6080, LogLevel.Debug, "Pre-decoding skipped an instance (not part of a series' image stack, or the budget is spent: {MiB:0} MiB held)")]
    public static partial void PredecodeSkipped(ILogger logger, double miB);

    [LoggerMessage(6081, LogLevel.Debug, "Pre-decoding dropped an instance ({Error}); assembly will read it from disk")]
    public static partial void PredecodeFailed(ILogger logger, string error);

    [LoggerMessage(6082, LogLevel.Information,
        "Job {JobId}: {Cached} of {Files} instances decoded ahead, assembled {When}; headers {ScanMs:0} ms, volume {VolumeMs:0} ms, series record {RecordMs:0} ms")]
    public static partial void AssemblySteps(ILogger logger, long jobId, int cached, int files, string when, double scanMs, double volumeMs, double recordMs);
}
