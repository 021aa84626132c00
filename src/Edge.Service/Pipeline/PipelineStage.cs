using System.Threading.Channels;
using Edge.Service.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// A supervised pipeline stage: one loop, fixed in number, registered with <see cref="StageHealth"/>. An unexpected
/// exception is logged, the stage is marked faulted (which withholds the watchdog ping) and the loop restarts after a
/// pause; it never takes the host down. Waiting helpers beat while they wait, so an idle stage stays alive.
/// </summary>
public abstract class PipelineStage : BackgroundService
{
    /// <summary>Long enough not to spin on a persistent fault, short enough to stay far inside the watchdog interval.</summary>
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected PipelineStage(string name, StageHealth health, TimeSpan idleAllowance, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(health);
        Name = name;
        Monitor = health.Register(name, idleAllowance);
        Logger = logger;
        Time = health.Time;
    }

    public string Name { get; }

    protected StageMonitor Monitor { get; }

    protected ILogger Logger { get; }

    protected TimeProvider Time { get; }

    protected abstract Task RunAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Monitor.Idle();
                await RunAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                ServiceLog.StageFailed(Logger, ex, Name, RestartDelay.TotalSeconds);
                Monitor.Faulted(ex.GetType().Name + ": " + ex.Message);
                try
                {
                    await Task.Delay(RestartDelay, Time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Monitor.Stopped();
    }

    /// <summary>Waits until <paramref name="reader"/> has an item (true) or is completed (false), beating meanwhile.</summary>
    protected async Task<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            Monitor.Idle();
            using var beat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            beat.CancelAfter(StageHealth.IdleBeatInterval);
            try
            {
                return await reader.WaitToReadAsync(beat.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // No item within a beat interval: beat and wait again.
            }
        }
    }
}
