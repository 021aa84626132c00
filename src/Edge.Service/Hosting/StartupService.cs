using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Sync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Hosting;

/// <summary>
/// Runs first, before any stage: re-queues jobs a crash interrupted, loads and warms up the models (so readiness means
/// the first scan runs at full speed), and re-tracks series whose files are on disk but were never queued. Anything
/// that fails here fails the start, with its reason, before systemd is told the service is ready.
/// </summary>
public sealed class StartupService(
    EdgeSettings settings,
    EdgeStore store,
    ModelRuntime models,
    DeviceStatus device,
    SeriesCompletionTracker tracker,
    JobDoorbell doorbell,
    StoreWarmUp storeWarmUp,
    ILogger<StartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ServiceLog.Starting(logger, device.Version, settings.DataRoot, settings.Dicom.AeTitle, settings.Dicom.Port, settings.ControlSocket);
        JobRecoveryReport recovered = store.RecoverInterruptedJobs();
        models.Load(settings.Pipeline.WarmUp, cancellationToken);
        if (settings.Pipeline.WarmUp)
        {
            storeWarmUp.Run(settings.DataRoot);
            LogPathWarmUp.Run();
        }

        device.Models = models.Identities;
        device.ExecutionProvider = models.ExecutionProvider;
        int rescanned = StorageRescan.Run(settings.Dicom.StorageRoot, store, tracker, cancellationToken);
        ServiceLog.Recovered(logger, recovered.Requeued, recovered.Failed, rescanned);

        // Jobs queued by an earlier run are waiting: wake the assembly stage at once.
        doorbell.Ring();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
