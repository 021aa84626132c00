using Edge.Store;
using Edge.Sync.Mqtt;
using Edge.Sync.Options;
using Edge.Sync.Summaries;
using Microsoft.Extensions.Logging;

namespace Edge.Sync;

/// <summary>
/// The sync stages wired together for one store and one broker: what <see cref="SyncService"/> hosts, and
/// what a host without DI (or a test) builds directly.
/// </summary>
public sealed class SyncRuntime : IDisposable
{
    public SyncRuntime(EdgeStore store, MqttOptions mqtt, DeviceOptions device, DeviceSecret secret,
        IDeviceStatusProvider status, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(loggers);
        time ??= TimeProvider.System;
        Topics = new TopicNames(mqtt.TopicPrefix, device.Site, device.Id);
        Health = new SyncHealth(time);
        Builder = new SummaryBuilder(secret, device.Id, device.Site);
        Connection = new BrokerConnection(mqtt, device, Topics, status, Health, loggers.CreateLogger<BrokerConnection>(), time);
        Publisher = new OutboxPublisher(store, Connection, mqtt, Health, loggers.CreateLogger<OutboxPublisher>(), time);
        Heartbeat = new HeartbeatPublisher(store, Connection, mqtt, device, status, Health, loggers.CreateLogger<HeartbeatPublisher>(), time);
        Summaries = new SummaryStage(store, Builder, Topics, mqtt.Outbox.ToPolicy(), loggers.CreateLogger<SummaryStage>());
        Service = new SyncService(Connection, Publisher, Heartbeat, Summaries, loggers.CreateLogger<SyncService>());
    }

    public TopicNames Topics { get; }

    public SyncHealth Health { get; }

    public SummaryBuilder Builder { get; }

    public BrokerConnection Connection { get; }

    public OutboxPublisher Publisher { get; }

    public HeartbeatPublisher Heartbeat { get; }

    public SummaryStage Summaries { get; }

    /// <summary>The hosted service running all stages.</summary>
    public SyncService Service { get; }

    public void Dispose()
    {
        Service.Dispose();
        Publisher.Dispose();
        Connection.Dispose();
    }
}
