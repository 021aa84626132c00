using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using Edge.Sync.Messages;
using Edge.Sync.Options;
using Edge.Sync.Summaries;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Sync.Mqtt;

/// <summary>
/// The device's one MQTT 5 connection and its reconnect loop (MQTTnet 5 has no managed client). Each connect
/// registers a retained <c>offline</c> last will on the status topic and, once connected, publishes a
/// retained <c>online</c> status with version and models. Failures are logged with a clear reason and
/// retried with capped, jittered exponential backoff; nothing here ever throws out of <see cref="RunAsync"/>.
/// </summary>
public sealed class BrokerConnection : IDisposable
{
    private readonly MqttOptions _options;
    private readonly TopicNames _topics;
    private readonly DeviceOptions _device;
    private readonly IDeviceStatusProvider _status;
    private readonly SyncHealth _health;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;
    private readonly IMqttClient _client;
    private readonly string _clientId;
    private readonly string _endpoint;
    private BrokerTls? _tls;
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource _lost = NewSignal();

    public BrokerConnection(MqttOptions options, DeviceOptions device, TopicNames topics, IDeviceStatusProvider status,
        SyncHealth health, ILogger<BrokerConnection> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        _options = options;
        _device = device;
        _topics = topics;
        _status = status;
        _health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _backoff = new Backoff(TimeSpan.FromSeconds(options.ReconnectMinDelaySeconds), TimeSpan.FromSeconds(options.ReconnectMaxDelaySeconds));
        _clientId = string.IsNullOrEmpty(options.ClientId) ? "edge-" + device.Id : options.ClientId;
        _endpoint = $"{options.Host}:{options.EffectivePort}";
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <summary>The underlying client; publish only while <see cref="IsConnected"/>.</summary>
    internal IMqttClient Client => _client;

    public bool IsConnected => _client.IsConnected;

    public TopicNames Topics => _topics;

    /// <summary>Completes when the connection is up (immediately if it is).</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);

    /// <summary>Tells the loop the link is dead (e.g. a PUBACK timed out) so it reconnects.</summary>
    internal async Task DropAsync(string reason)
    {
        SyncLog.Disconnected(_logger, reason);
        try
        {
            // Bounded: the link is presumed dead, and a DISCONNECT that never completes would stall the outbox for good.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }

        SignalLost();
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            // Sync switched off: summaries wait in the outbox until a broker is configured.
            SyncLog.Disabled(_logger);
            _health.RecordError("mqtt: no broker configured (Mqtt:Host is empty)");
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return;
        }

        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string? failure;
            try
            {
                failure = await ConnectOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (failure is null)
            {
                failures = 0;
                try
                {
                    await Volatile.Read(ref _lost).Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                _health.SetConnected(false);
                failure = "connection lost";
            }
            else
            {
                _health.CountConnectFailure();
            }

            _health.RecordError($"mqtt: {failure}");
            TimeSpan delay = _backoff.Delay(failures++);
            SyncLog.ConnectFailed(_logger, _endpoint, _health.ConnectAttempts, failure, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One attempt; null on success, else a reason fit for a log line.</summary>
    private async Task<string?> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        _health.CountConnectAttempt();
        MqttClientOptions clientOptions;
        try
        {
            clientOptions = BuildClientOptions();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            return $"cannot load TLS or credential files: {ex.Message}";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        Volatile.Write(ref _lost, NewSignal());
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(clientOptions, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return $"no CONNACK within {_options.ConnectTimeoutSeconds} s";
        }
        catch (Exception ex) when (ex is MqttCommunicationException or SocketException or IOException or AuthenticationException or InvalidOperationException)
        {
            return Describe(ex);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            return result.ResultCode switch
            {
                MqttClientConnectResultCode.BadUserNameOrPassword =>
                    "broker refused the credentials (BadUserNameOrPassword): check Mqtt:UsernameFile and Mqtt:PasswordFile",
                // mosquitto answers a wrong password with NotAuthorized rather than BadUserNameOrPassword.
                MqttClientConnectResultCode.NotAuthorized => _options.UsernameFile is null
                    ? "broker refused this client (NotAuthorized): it may require credentials (Mqtt:UsernameFile, Mqtt:PasswordFile) or a client certificate"
                    : "broker refused this client (NotAuthorized): check Mqtt:UsernameFile and Mqtt:PasswordFile, and the broker's ACL",
                _ => $"broker refused the connection ({result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : ": " + result.ReasonString)})",
            };
        }

        try
        {
            await PublishStatusAsync(Online(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                throw;
            }

            return $"connected, but publishing the online status failed: {ex.Message}";
        }

        _health.SetConnected(true);
        SyncLog.Connected(_logger, _endpoint, _clientId, _options.Tls.Enabled);
        Volatile.Read(ref _connected).TrySetResult();
        return null;
    }

    private string Describe(Exception ex)
    {
        Exception root = ex;
        while (root.InnerException is not null && root is MqttCommunicationException)
        {
            root = root.InnerException;
        }

        return root switch
        {
            AuthenticationException when _tls?.LastRejection is { } why => $"TLS: {why}",
            AuthenticationException auth => $"TLS handshake failed: {auth.Message} (is the client certificate signed by the broker's CA?)",
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.NotConnected or SocketError.Shutdown or SocketError.ConnectionAborted } socket
                when _options.Tls.Enabled => ClosedAfterTls(socket.SocketErrorCode.ToString()),
            SocketException socket => $"cannot reach the broker ({socket.SocketErrorCode})",
            IOException io when _options.Tls.Enabled => ClosedAfterTls(io.Message),
            _ => root.Message,
        };
    }

    // With TLS 1.3 a broker that rejects our client certificate does so after the handshake, by closing the link.
    private static string ClosedAfterTls(string detail) =>
        $"the broker closed the TLS connection ({detail}); a broker that requires client certificates does this when it " +
        "does not trust ours: check that Mqtt:Tls:CertFile is signed by the broker's CA";

    private MqttClientOptions BuildClientOptions()
    {
        if (_options.Tls.Enabled)
        {
            _tls ??= BrokerTls.Load(_options);
        }

        return BrokerClientOptions.Create(_options, _clientId, _tls)

            // The outbox, not the broker session, is the source of truth for what is unsent.
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .WithWillTopic(_topics.Status)
            .WithWillPayload(Serialize(Offline("lost")))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(MessageProperties.ContentType)
            .WithWillPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithWillUserProperty(MessageProperties.SchemaVersion, MessageProperties.SchemaVersionValue)
            .Build();
    }

    private StatusMessage Online() => new()
    {
        State = "online",
        DeviceId = _device.Id,
        SiteId = _device.Site,
        Version = _status.Version,
        Models = _status.Models,
        At = SummaryBuilder.FormatTime(_time.GetUtcNow()),
    };

    private StatusMessage Offline(string reason) => new()
    {
        State = "offline",
        DeviceId = _device.Id,
        SiteId = _device.Site,
        Version = _status.Version,
        At = SummaryBuilder.FormatTime(_time.GetUtcNow()),
        Reason = reason,
    };

    private static byte[] Serialize(StatusMessage status) => JsonSerializer.SerializeToUtf8Bytes(status, SyncJsonContext.Default.StatusMessage);

    private async Task PublishStatusAsync(StatusMessage status, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Status)
            .WithPayload(Serialize(status))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(MessageProperties.ContentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithUserProperty(MessageProperties.SchemaVersion, MessageProperties.SchemaVersionValue)
            .Build();
        await _client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Orderly shutdown: retained <c>offline</c> (reason shutdown), then a normal DISCONNECT, which discards the will.</summary>
    public async Task ShutdownAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await PublishStatusAsync(Offline("shutdown"), CancellationToken.None).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None).ConfigureAwait(false);
            SyncLog.Stopping(_logger);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // The broker is gone; it will publish the will instead.
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected)
        {
            SyncLog.Disconnected(_logger, args.Exception?.Message ?? args.ReasonString ?? args.Reason.ToString());
        }

        SignalLost();
        return Task.CompletedTask;
    }

    private void SignalLost()
    {
        _health.SetConnected(false);
        TaskCompletionSource connected = Volatile.Read(ref _connected);
        if (connected.Task.IsCompleted)
        {
            Volatile.Write(ref _connected, NewSignal());
        }

        Volatile.Read(ref _lost).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.Dispose();
        _tls?.ClientCertificate?.Dispose();
    }
}
