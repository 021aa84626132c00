using Edge.Sync.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Sync;

/// <summary>
/// Hosts the sync stages: the broker connection loop, the summary stage, the outbox publisher and the
/// heartbeat. A stage that fails unexpectedly is logged and restarted after a pause; it never stops the host.
/// On stop, publishes the retained <c>offline</c> status and disconnects cleanly.
/// </summary>
public sealed class SyncService : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    private readonly BrokerConnection _connection;
    private readonly OutboxPublisher _publisher;
    private readonly HeartbeatPublisher _heartbeat;
    private readonly SummaryStage _summaries;
    private readonly ILogger _logger;

    public SyncService(BrokerConnection connection, OutboxPublisher publisher, HeartbeatPublisher heartbeat,
        SummaryStage summaries, ILogger<SyncService> logger)
    {
        _connection = connection;
        _publisher = publisher;
        _heartbeat = heartbeat;
        _summaries = summaries;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Supervise("connection", _connection.RunAsync, stoppingToken),
        Supervise("summaries", _summaries.RunAsync, stoppingToken),
        Supervise("outbox", _publisher.RunAsync, stoppingToken),
        Supervise("heartbeat", _heartbeat.RunAsync, stoppingToken));

    private async Task Supervise(string name, Func<CancellationToken, Task> stage, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await stage(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                SyncLog.StageFailed(_logger, ex, name, RestartDelay.TotalSeconds);
                try
                {
                    await Task.Delay(RestartDelay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _connection.ShutdownAsync().ConfigureAwait(false);
    }
}
