using System.Text.Json;
using Edge.Store;
using Edge.Sync.Messages;
using Edge.Sync.Options;
using Edge.Sync.Summaries;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Sync.Mqtt;

/// <summary>
/// Every <c>Mqtt:HeartbeatSeconds</c>: expires overdue outbox entries (connected or not), and while connected
/// publishes the heartbeat (QoS 1 so a dead link shows; not retained; expires after two periods).
/// </summary>
public sealed class HeartbeatPublisher
{
    private readonly EdgeStore _store;
    private readonly BrokerConnection _connection;
    private readonly MqttOptions _options;
    private readonly DeviceOptions _device;
    private readonly IDeviceStatusProvider _status;
    private readonly SyncHealth _health;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private long _lastLost = -1;

    public HeartbeatPublisher(EdgeStore store, BrokerConnection connection, MqttOptions options, DeviceOptions device,
        IDeviceStatusProvider status, SyncHealth health, ILogger<HeartbeatPublisher> logger, TimeProvider? time = null)
    {
        _store = store;
        _connection = connection;
        _options = options;
        _device = device;
        _status = status;
        _health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _started = _time.GetUtcNow();
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.HeartbeatSeconds), _time);
        try
        {
            // First beat right after the first connect, so a new device shows up at once.
            await _connection.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
            do
            {
                _store.ExpirePending();
                if (_connection.IsConnected)
                {
                    await PublishAsync().ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The heartbeat as it would be published now.</summary>
    public HeartbeatMessage Build()
    {
        StoreStatus store = _store.GetStatus();
        OutboxStats outbox = store.Outbox;
        DateTimeOffset now = _time.GetUtcNow();
        var alarms = new List<string>(_status.Alarms);
        long lost = outbox.Lost;
        if (_lastLost >= 0 && lost > _lastLost)
        {
            alarms.Add("outbox_dropping");
        }

        _lastLost = lost;
        if (outbox.DeadLetters > 0)
        {
            alarms.Add("outbox_dead_letters");
        }

        ForwardingStats forwarding = _store.GetForwardingStats();
        if (forwarding.DeadLetters > 0)
        {
            alarms.Add("forwarding_dead_letters");
        }

        (string? error, DateTimeOffset? errorAt) = _health.LastError;
        return new HeartbeatMessage
        {
            DeviceId = _device.Id,
            SiteId = _device.Site,
            At = SummaryBuilder.FormatTime(now),
            Version = _status.Version,
            UptimeSeconds = (long)(now - _started).TotalSeconds,
            QueueDepth = store.QueueDepth,
            DiskFreeBytes = SafeDiskFree(),
            ExecutionProvider = _status.ExecutionProvider,
            OutboxBacklog = outbox.Pending,
            OutboxOldestSeconds = outbox.OldestPendingAt is { } oldest ? (long)Math.Max(0, (now - oldest).TotalSeconds) : null,
            Dropped = lost,
            DeadLetters = outbox.DeadLettersTotal + forwarding.DeadLetters + _status.OtherDeadLetters,
            ForwardingPending = forwarding.Pending,
            ForwardingOldestSeconds = forwarding.OldestPendingAt is { } first ? (long)Math.Max(0, (now - first).TotalSeconds) : null,
            ForwardingDeadLetters = forwarding.DeadLetters,
            LastError = error,
            LastErrorAt = errorAt is { } at ? SummaryBuilder.FormatTime(at) : null,
            Alarms = alarms,
        };
    }

    private long SafeDiskFree()
    {
        try
        {
            return DiskSpace.AvailableBytes(_status.DataPath);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private async Task PublishAsync()
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(Build(), SyncJsonContext.Default.HeartbeatMessage);
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(_connection.Topics.Heartbeat)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(MessageProperties.ContentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithMessageExpiryInterval((uint)(2 * _options.HeartbeatSeconds))
            .WithUserProperty(MessageProperties.SchemaVersion, MessageProperties.SchemaVersionValue)
            .Build();
        // Not linked to stoppingToken: a stop lets the in-flight QoS 1 publish finish (bounded by the publish timeout)
        // so that the orderly shutdown that follows (retained offline, then a normal DISCONNECT) finds a clean session;
        // a publish abandoned half-way can cost the session, and the broker then announces the will ("lost") instead.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        try
        {
            await _connection.Client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            SyncLog.HeartbeatFailed(_logger, ex.Message);
        }
    }
}
