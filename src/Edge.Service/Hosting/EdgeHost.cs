using Edge.Dicom.Network.Server;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Control;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Service.Results;
using Edge.Service.Retention;
using Edge.Service.Systemd;
using Edge.Store;
using Edge.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Hosting;

/// <summary>
/// Builds the daemon: Kestrel on the control socket only, the store, the models, sync, and the pipeline stages in the
/// order they must start (the SCP last, so nothing is accepted before the stages behind it run) and stop (reverse).
/// </summary>
public static class EdgeHost
{
    /// <summary>The time SIGTERM allows for a clean stop; systemd's default TimeoutStopSec is 90 s.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication Build(string[] args, EdgeSettings settings, Action<IServiceCollection>? extend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = "edge-service",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        EdgeConfiguration.AddSources(builder.Configuration, args, EdgeConfiguration.SiteFile);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        if (ControlSocket.Prepare(settings.ControlSocket))
        {
            // Logged once the host's loggers exist; the removal itself must happen before Kestrel binds.
            builder.Services.AddSingleton(new StaleSocketNote(settings.ControlSocket));
        }

        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(settings.ControlSocket));
        AddServices(builder.Services, settings, extend);

        WebApplication app = builder.Build();
        ControlApi.Map(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            ControlSocket.Restrict(settings.ControlSocket);
            ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Edge.Service.Control");
            if (app.Services.GetService<StaleSocketNote>() is { } stale)
            {
                ServiceLog.StaleSocketRemoved(logger, stale.Path);
            }

            ServiceLog.ControlListening(logger, settings.ControlSocket);
        });
        return app;
    }

    private static void AddServices(IServiceCollection services, EdgeSettings settings, Action<IServiceCollection>? extend)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StageHealth(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EdgeStore(settings.Store, sp.GetRequiredService<ILogger<EdgeStore>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ModelRuntime(settings.Inference, sp.GetRequiredService<ILogger<ModelRuntime>>()));
        services.AddSingleton(_ => new DeviceStatus(DeviceStatus.AssemblyVersion(), settings.Dicom.StorageRoot));
        services.AddSingleton(sp => new SyncRuntime(
            sp.GetRequiredService<EdgeStore>(),
            settings.Mqtt,
            settings.Device,
            DeviceSecret.Load(settings.Device, settings.SecretPath),
            sp.GetRequiredService<DeviceStatus>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SeriesCompletionTracker(settings.Completion, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SeriesCompletionMonitor(sp.GetRequiredService<SeriesCompletionTracker>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReceptionStats>();
        services.AddSingleton<ScreeningSupersession>();
        services.AddSingleton<PipelineStorageEvents>();
        services.AddSingleton(sp => new DicomServer(settings.Dicom, sp.GetRequiredService<PipelineStorageEvents>(), sp.GetRequiredService<ILogger<DicomServer>>()));
        services.AddSingleton<JobDoorbell>();
        services.AddSingleton<StoreWarmUp>();
        services.AddSingleton<AssembledQueue>();
        services.AddSingleton<StorageUsage>();
        services.AddSingleton<ServiceState>();

        // Start order; the host stops them in reverse.
        services.AddHostedService<StartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncRuntime>().Service);
        services.AddHostedService<CompletionStage>();
        services.AddHostedService<AssemblyStage>();
        services.AddHostedService<InferenceStage>();
        services.AddPredecoding();
        services.AddHostedService<RetentionStage>();
        services.AddSingleton<DeviceMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceMonitor>());

        // Later stages (forwarding originals to PACS, DICOM result objects) register their IInstanceListener and
        // IResultListener singletons and their own hosted stages here: after the pipeline, before the receiver, so
        // they run before the SCP accepts anything and stop after it.
        AddForwarding(services, settings);
        extend?.Invoke(services);
        services.AddHostedService<DicomReceiverService>();
        services.AddHostedService<WatchdogService>();
    }

    /// <summary>
    /// Forwarding to the configured destinations: originals queued as they arrive, result objects made after screening,
    /// one forwarder per destination. Without destinations only the (idle) plan and retention guard exist.
    /// </summary>
    private static void AddForwarding(IServiceCollection services, EdgeSettings settings)
    {
        var plan = new ForwardingPlan(settings);
        services.AddSingleton(plan);
        services.AddSingleton<ForwardingDoorbell>();
        services.AddSingleton<ForwardingRetentionGuard>();
        services.AddSingleton<OriginalsListener>();
        if (plan.ForwardsOriginals)
        {
            services.AddSingleton<IInstanceListener>(sp => sp.GetRequiredService<OriginalsListener>());
            services.AddHostedService(sp => sp.GetRequiredService<OriginalsListener>());
        }

        services.AddHostedService<ForwardingRecovery>();

        if (plan.Results.Count > 0)
        {
            services.AddSingleton<ResultObjectsQueue>();
            services.AddSingleton<IResultListener>(sp => sp.GetRequiredService<ResultObjectsQueue>());
            services.AddHostedService<ResultObjectsStage>();
        }

        foreach (DestinationOptions destination in plan.Destinations)
        {
            // AddHostedService would keep only the first of several registrations of one type.
            services.AddSingleton<IHostedService>(sp => new ForwarderStage(destination, sp.GetRequiredService<EdgeStore>(),
                sp.GetRequiredService<ForwardingDoorbell>(), sp.GetRequiredService<StageHealth>(), settings, sp.GetRequiredService<ILoggerFactory>()));
        }
    }

    /// <summary>Carries the fact that a stale socket was removed until logging is available.</summary>
    private sealed record StaleSocketNote(string Path);
}
