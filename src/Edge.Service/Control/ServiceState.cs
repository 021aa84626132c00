using Edge.Dicom.Network.Server;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Service.Retention;
using Edge.Store;
using Edge.Sync;

namespace Edge.Service.Control;

/// <summary>Everything the control API reads, gathered once so each endpoint takes one parameter.</summary>
public sealed class ServiceState(
    EdgeSettings settings,
    EdgeStore store,
    SyncRuntime sync,
    ModelRuntime models,
    DeviceStatus device,
    DeviceMonitor monitor,
    StorageUsage usage,
    StageHealth health,
    SeriesCompletionTracker tracker,
    ReceptionStats reception,
    DicomServer server,
    JobDoorbell doorbell,
    TimeProvider time,
    ForwardingPlan forwarding,
    OriginalsListener originals)
{
    public ForwardingPlan Forwarding => forwarding;

    public OriginalsListener Originals => originals;

    public EdgeSettings Settings => settings;

    public EdgeStore Store => store;

    public SyncRuntime Sync => sync;

    public ModelRuntime Models => models;

    public DeviceStatus Device => device;

    public DeviceMonitor Monitor => monitor;

    public StorageUsage Usage => usage;

    public StageHealth Health => health;

    public SeriesCompletionTracker Tracker => tracker;

    public ReceptionStats Reception => reception;

    public DicomServer Server => server;

    public JobDoorbell Doorbell => doorbell;

    public TimeProvider Time => time;

    /// <summary>When this process started (not when the first request came).</summary>
    public DateTimeOffset StartedAt { get; } = ProcessStart();

    private static DateTimeOffset ProcessStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
