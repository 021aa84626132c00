using Edge.Dicom.Network.Server;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Pipeline;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Hosting;

/// <summary>
/// The DICOM SCP (stage 1). Started last, once every stage behind it runs, and stopped first, so nothing is accepted
/// that the pipeline could not take. Its loop only beats: the SCP runs its own accept loop and associations.
/// </summary>
public sealed class DicomReceiverService(DicomServer server, StageHealth health, EdgeSettings settings, ILogger<DicomReceiverService> logger)
    : PipelineStage("receiver", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (server.LocalEndPoint is not null)
            {
                Monitor.Idle();
            }

            await Task.Delay(StageHealth.IdleBeatInterval, Time, stoppingToken).ConfigureAwait(false);
        }
    }
}
