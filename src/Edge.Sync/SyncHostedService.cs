using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Sync;

/// <summary>
/// Starts <see cref="SyncService"/> but builds the runtime only in <see cref="StartAsync"/>: the host constructs
/// every hosted service before starting any, and building the runtime reads the options, which must first be
/// validated (all of them together) by the options start-up validation.
/// </summary>
internal sealed class SyncHostedService(IServiceProvider services) : IHostedService
{
    private SyncService? _service;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _service = services.GetRequiredService<SyncRuntime>().Service;
        return _service.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        _service?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
