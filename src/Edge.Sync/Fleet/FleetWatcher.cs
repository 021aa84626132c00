using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using Edge.Sync.Mqtt;
using Edge.Sync.Options;
using Edge.Sync.Schema;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Sync.Fleet;

/// <summary>
/// The central site's consumer: subscribes to every device's topics (optionally as a member of an MQTT 5
/// shared-subscription group, so several consumers split the load), validates summaries and alerts against the
/// schema, and de-duplicates them by id. Stays connected across broker restarts.
/// </summary>
public sealed class FleetWatcher : IDisposable
{
    /// <summary>A payload larger than this is not an Edge message (summaries are a few KiB).</summary>
    private const int MaxPayloadBytes = 1 << 20;

    private readonly FleetWatchOptions _options;
    private readonly IMqttClient _client;
    private readonly DedupeWindow _dedupe;
    private readonly Channel<FleetEvent> _events;
    private readonly Backoff _backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    private long _duplicates;
    private long _invalid;

    /// <param name="options">Connection and subscription.</param>
    /// <param name="capacity">Events buffered for the reader; when full the MQTT receive loop waits (back-pressure to the broker).</param>
    public FleetWatcher(FleetWatchOptions options, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _dedupe = new DedupeWindow(options.DedupeCapacity);
        _events = Channel.CreateBounded<FleetEvent>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public ChannelReader<FleetEvent> Events => _events.Reader;

    /// <summary>Summaries and alerts dropped because their id was seen before.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Summaries and alerts that failed schema validation (still reported as events).</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects and subscribes once; throws with a clear message on failure.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var mqtt = new MqttOptions
        {
            Host = _options.Host,
            Port = _options.Port,
            UsernameFile = _options.UsernameFile,
            PasswordFile = _options.PasswordFile,
            Tls = new MqttTlsOptions
            {
                Enabled = _options.Tls,
                CaFile = _options.CaFile,
                CertFile = _options.CertFile,
                KeyFile = _options.KeyFile,
                ServerName = _options.ServerName,
            },
        };
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(mqtt.Host, mqtt.EffectivePort)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(string.IsNullOrEmpty(_options.ClientId) ? "edge-fleet-" + Guid.NewGuid().ToString("N")[..12] : _options.ClientId)
            .WithCleanStart(_options.SessionExpirySeconds == 0)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (mqtt.UsernameFile is not null)
        {
            builder = builder.WithCredentials(new CredentialFiles(mqtt.UsernameFile, mqtt.PasswordFile));
        }

        BrokerTls? tls = null;
        if (mqtt.Tls.Enabled)
        {
            tls = BrokerTls.Load(mqtt);
            builder = builder.WithTlsOptions(tls.ToMqttTlsOptions());
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (MqttCommunicationException ex) when (tls?.LastRejection is { } why)
        {
            throw new MqttCommunicationException($"TLS: {why}", ex);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttCommunicationException($"broker refused the connection: {result.ResultCode}");
        }

        MqttClientSubscribeResult subscribed = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_options.TopicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), timeout.Token).ConfigureAwait(false);
        MqttClientSubscribeResultCode code = subscribed.Items.First().ResultCode;
        if (code > MqttClientSubscribeResultCode.GrantedQoS2)
        {
            throw new MqttCommunicationException($"broker refused the subscription to {_options.TopicFilter}: {code}");
        }
    }

    /// <summary>Keeps the subscription alive until cancelled; reconnects with backoff after a broker outage.</summary>
    public async Task RunAsync(Action<string>? onError, CancellationToken cancellationToken)
    {
        int failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(cancellationToken).ConfigureAwait(false);
                    failures = 0;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MqttCommunicationException or IOException or InvalidOperationException or OperationCanceledException or System.Security.Cryptography.CryptographicException)
            {
                onError?.Invoke(ex.Message);
            }

            try
            {
                await Task.Delay(_backoff.Delay(failures++), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _events.Writer.TryComplete();
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttCommunicationException)
            {
                // Gone already.
            }
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        FleetEvent? e = Parse(args.ApplicationMessage);
        if (e is not null)
        {
            await _events.Writer.WriteAsync(e).ConfigureAwait(false);
        }
    }

    /// <summary>Turns one received message into an event; null for a duplicate.</summary>
    internal FleetEvent? Parse(MqttApplicationMessage message)
    {
        string[] levels = message.Topic.Split('/');
        int prefixLevels = _options.TopicPrefix.Split('/').Length;
        string site = levels.Length > prefixLevels ? levels[prefixLevels] : "";
        string device = levels.Length > prefixLevels + 1 ? levels[prefixLevels + 1] : "";
        FleetMessageKind kind = levels.Length == prefixLevels + 3
            ? levels[^1] switch
            {
                "summary" => FleetMessageKind.Summary,
                "alert" => FleetMessageKind.Alert,
                "status" => FleetMessageKind.Status,
                "heartbeat" => FleetMessageKind.Heartbeat,
                _ => FleetMessageKind.Other,
            }
            : FleetMessageKind.Other;

        ReadOnlySequence<byte> payload = message.Payload;
        if (payload.Length > MaxPayloadBytes)
        {
            Interlocked.Increment(ref _invalid);
            return new FleetEvent(kind, message.Topic, site, device, null, null, [$"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}"], message.Retain);
        }

        byte[] bytes = payload.ToArray();
        JsonElement? document = null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            document = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            Interlocked.Increment(ref _invalid);
            return new FleetEvent(kind, message.Topic, site, device, null, null, [$"not JSON: {ex.Message}"], message.Retain);
        }

        if (kind is not (FleetMessageKind.Summary or FleetMessageKind.Alert))
        {
            return new FleetEvent(kind, message.Topic, site, device, null, document, [], message.Retain);
        }

        var errors = new List<string>(SummarySchema.Validator.Validate(document.Value));
        Guid? id = document.Value.ValueKind == JsonValueKind.Object && document.Value.TryGetProperty("id", out JsonElement idElement)
            && idElement.ValueKind == JsonValueKind.String && Guid.TryParse(idElement.GetString(), out Guid parsed) ? parsed : null;
        if (document.Value.ValueKind == JsonValueKind.Object && document.Value.TryGetProperty("siteId", out JsonElement s)
            && document.Value.TryGetProperty("deviceId", out JsonElement d) && (s.GetString() != site || d.GetString() != device))
        {
            // A device may publish only under its own topic (broker ACL); a mismatch is a misconfigured or rogue sender.
            errors.Add("/: siteId/deviceId do not match the topic");
        }

        if (id is { } key && !_dedupe.TryAdd(key))
        {
            Interlocked.Increment(ref _duplicates);
            return null;
        }

        if (errors.Count > 0)
        {
            Interlocked.Increment(ref _invalid);
        }

        return new FleetEvent(kind, message.Topic, site, device, id, document, errors, message.Retain);
    }

    public void Dispose()
    {
        _client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        _client.Dispose();
    }
}
