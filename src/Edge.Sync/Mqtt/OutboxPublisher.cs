using System.Threading.Channels;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync.Options;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Sync.Mqtt;

/// <summary>
/// Drains the durable outbox to the broker: QoS 1, one message in flight, strictly in order within each kind,
/// alerts ahead of any summary backlog. An entry is marked sent only after a PUBACK whose reason code is a
/// success; a lost link leaves it first in line for the next connection, so delivery is at least once and
/// consumers de-duplicate by id.
/// </summary>
public sealed class OutboxPublisher : IDisposable
{
    /// <summary>Entries read per store query; small, so a new alert overtakes a backlog within one batch.</summary>
    private const int BatchSize = 16;

    /// <summary>How often expiry runs even when nothing is enqueued.</summary>
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LinkLostPause = TimeSpan.FromMilliseconds(200);

    private readonly EdgeStore _store;
    private readonly BrokerConnection _connection;
    private readonly MqttOptions _options;
    private readonly SyncHealth _health;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Backoff _refusalBackoff;

    // The doorbell between the summary stage (via the store's event) and this stage: capacity 1, extra rings
    // are dropped because one wake-up reads everything pending.
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private volatile bool _alertWaiting;
    private DateTimeOffset _lastExpiry = DateTimeOffset.MinValue;

    public OutboxPublisher(EdgeStore store, BrokerConnection connection, MqttOptions options, SyncHealth health,
        ILogger<OutboxPublisher> logger, TimeProvider? time = null)
    {
        _store = store;
        _connection = connection;
        _options = options;
        _health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _refusalBackoff = new Backoff(TimeSpan.FromSeconds(options.ReconnectMinDelaySeconds), TimeSpan.FromSeconds(options.ReconnectMaxDelaySeconds));
        store.OutboxEnqueued += Ring;
    }

    public void Dispose() => _store.OutboxEnqueued -= Ring;

    private void Ring(bool alert)
    {
        if (alert)
        {
            _alertWaiting = true;
        }

        _doorbell.Writer.TryWrite(true);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        int refusals = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _connection.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
                ExpireIfDue();
                _alertWaiting = false;
                IReadOnlyList<OutboxEntry> batch = _store.PeekPending(BatchSize);
                if (batch.Count == 0)
                {
                    await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (OutboxEntry entry in batch)
                {
                    if (_alertWaiting && entry.Kind != OutboxKind.Alert)
                    {
                        break; // re-read: the new alert goes first
                    }

                    if (entry.ExpiresAt <= _time.GetUtcNow())
                    {
                        _lastExpiry = DateTimeOffset.MinValue;
                        break;
                    }

                    PublishOutcome outcome = await PublishAsync(entry, stoppingToken).ConfigureAwait(false);
                    if (outcome == PublishOutcome.Acknowledged)
                    {
                        refusals = 0;
                        continue;
                    }

                    if (outcome == PublishOutcome.RefusedForNow)
                    {
                        await Task.Delay(_refusalBackoff.Delay(refusals++), _time, stoppingToken).ConfigureAwait(false);
                    }

                    if (outcome == PublishOutcome.LinkLost)
                    {
                        // The client may not have raised its disconnect yet; do not spin until it does.
                        await Task.Delay(LinkLostPause, _time, stoppingToken).ConfigureAwait(false);
                    }

                    if (outcome != PublishOutcome.Refused)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(ExpiryInterval);
        try
        {
            await _doorbell.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Periodic wake-up for expiry.
        }
    }

    private void ExpireIfDue()
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (now - _lastExpiry >= ExpiryInterval)
        {
            _store.ExpirePending();
            _lastExpiry = now;
        }
    }

    private async Task<PublishOutcome> PublishAsync(OutboxEntry entry, CancellationToken stoppingToken)
    {
        // The broker should drop it when the outbox would have: send the remaining lifetime, at least 1 s.
        double remaining = Math.Max(1, (entry.ExpiresAt - _time.GetUtcNow()).TotalSeconds);
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(entry.Topic)
            .WithPayload(entry.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .WithContentType(entry.ContentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithMessageExpiryInterval((uint)Math.Min(uint.MaxValue, remaining))
            .WithUserProperty(MessageProperties.SchemaVersion, MessageProperties.Utf8(entry.SchemaVersion))
            .WithUserProperty(MessageProperties.MessageId, MessageProperties.Utf8(entry.MessageId.ToString()))
            .Build();

        MqttClientPublishResult result;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        try
        {
            result = await _connection.Client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await _connection.DropAsync($"no PUBACK for outbox entry {entry.Id} within {_options.PublishTimeoutSeconds} s").ConfigureAwait(false);
            return PublishOutcome.LinkLost;
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or IOException)
        {
            return PublishOutcome.LinkLost;
        }

        if (result.IsSuccess)
        {
            _store.MarkSent(entry.Id);
            _health.CountPublished();
            SyncLog.Published(_logger, entry.Id, entry.Kind.ToString(), entry.Topic);
            return PublishOutcome.Acknowledged;
        }

        string reason = $"PUBACK {result.ReasonCode} (0x{(int)result.ReasonCode:X2}){(string.IsNullOrEmpty(result.ReasonString) ? "" : ": " + result.ReasonString)}";
        _health.RecordError($"mqtt: broker refused outbox entry {entry.Id}: {reason}");
        bool permanent = result.ReasonCode is MqttClientPublishReasonCode.NotAuthorized
            or MqttClientPublishReasonCode.TopicNameInvalid
            or MqttClientPublishReasonCode.PayloadFormatInvalid;
        SyncLog.PublishRefused(_logger, entry.Id, entry.Kind.ToString(), reason, entry.Attempts + 1);
        if (permanent || entry.Attempts + 1 >= _options.Outbox.MaxAttempts)
        {
            _store.MarkDeadLetter(entry.Id, reason);
            SyncLog.DeadLettered(_logger, entry.Id, entry.Kind.ToString(), reason);
            return PublishOutcome.Refused;
        }

        _store.RecordAttemptFailure(entry.Id, reason);
        return PublishOutcome.RefusedForNow;
    }
}
