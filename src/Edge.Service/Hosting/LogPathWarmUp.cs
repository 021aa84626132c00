using Edge.Service.Pipeline;

namespace Edge.Service.Hosting;

/// <summary>
/// Formats, once and into nothing, each message a series logs between its last instance and its summary. Each one's
/// formatting instantiates generic logging code over value types (job ids, milliseconds) that ReadyToRun cannot compile
/// ahead across the framework boundary, and the service runs without tiered compilation, so the first series after a
/// start compiled it on its critical path: 6–7 ms a message, about 20 ms of that series' latency.
/// </summary>
internal static class LogPathWarmUp
{
    public static void Run()
    {
        FormattingNullLogger logger = FormattingNullLogger.Instance;
        ServiceLog.AssociationEnded(logger, "warm-up");
        ServiceLog.SeriesQueued(logger, 0, 0, 0);
        ServiceLog.Assembled(logger, 0, "warm-up", 0);
        PipelineLog.AssemblySteps(logger, 0, 0, 0, "warm-up", 0, 0, 0);
        ServiceLog.Screened(logger, 0, "warm-up", "warm-up", 0, 0);
    }
}
