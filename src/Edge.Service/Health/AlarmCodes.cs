namespace Edge.Service.Health;

/// <summary>The alarm codes the service raises in its heartbeat and <c>GET /status</c> (sync adds its own outbox alarms).</summary>
public static class AlarmCodes
{
    /// <summary>Free space below <c>Dicom:MinimumFreeDiskBytes</c>: the SCP refuses new instances.</summary>
    public const string LowDisk = "low_disk";

    /// <summary>Received files and database above <c>Storage:QuotaBytes</c> with nothing processed left to delete.</summary>
    public const string OverQuota = "storage_over_quota";

    /// <summary>No model package can run: series fail until one is installed.</summary>
    public const string NoModels = "no_models";

    /// <summary>A package failed verification or an active model is missing.</summary>
    public const string ModelRefused = "model_refused";

    /// <summary>A pipeline stage stopped beating; the watchdog ping is withheld.</summary>
    public const string StageStalled = "stage_stalled";
}
