using Edge.Service.Configuration;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Service.Retention;
using Edge.Store;
using Edge.Sync;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Health;

/// <summary>
/// Every couple of seconds: free space against the DICOM floor, storage against its quota, models and stage liveness
/// become the alarm list the heartbeat and <c>GET /status</c> carry. Each raise and clear is logged once.
/// </summary>
public sealed class DeviceMonitor(
    DeviceStatus device,
    ModelRuntime models,
    StorageUsage usage,
    StageHealth health,
    EdgeSettings settings,
    ILogger<DeviceMonitor> logger)
    : PipelineStage("monitor", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    /// <summary>The SCP's own free-space check caches for a second; two keeps the alarm as fresh without extra statfs calls.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly StageHealth _health = health;

    /// <summary>Free bytes on the received tree's file system at the last check.</summary>
    public long FreeBytes { get; private set; } = -1;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Check();
            Monitor.Idle();
            await Task.Delay(Interval, Time, stoppingToken).ConfigureAwait(false);
        }
    }

    public void Check()
    {
        var alarms = new List<string>();
        try
        {
            FreeBytes = DiskSpace.AvailableBytes(settings.Dicom.StorageRoot);
            if (settings.Dicom.MinimumFreeDiskBytes > 0 && FreeBytes < settings.Dicom.MinimumFreeDiskBytes)
            {
                alarms.Add(AlarmCodes.LowDisk);
            }
        }
        catch (IOException)
        {
            alarms.Add(AlarmCodes.LowDisk);
        }

        if (usage.Current.OverQuota)
        {
            alarms.Add(AlarmCodes.OverQuota);
        }

        if (models.Problem is not null)
        {
            alarms.Add(AlarmCodes.NoModels);
        }

        if (models.Refusals.Count > 0)
        {
            alarms.Add(AlarmCodes.ModelRefused);
        }

        if (_health.Snapshot().Any(s => !s.Alive && s.Name != Name))
        {
            alarms.Add(AlarmCodes.StageStalled);
        }

        IReadOnlyList<string> before = device.Alarms;
        foreach (string raised in alarms.Except(before))
        {
            ServiceLog.AlarmRaised(Logger, raised);
        }

        foreach (string cleared in before.Except(alarms))
        {
            ServiceLog.AlarmCleared(Logger, cleared);
        }

        device.Alarms = alarms;
    }
}
