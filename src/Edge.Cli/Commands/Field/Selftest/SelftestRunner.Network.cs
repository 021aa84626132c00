using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Dimse;
using Edge.Dicom.Network.Pdus;
using Edge.Sync;
using Edge.Sync.Mqtt;
using Microsoft.Extensions.Configuration;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>The network checks: C-ECHO to this box and to each destination, and an MQTT publish that comes back.</summary>
internal sealed partial class SelftestRunner
{
    private async Task<(CheckOutcome, string)> EchoSelfAsync(SelftestRequest request, CancellationToken cancellationToken)
    {
        if (_settings is null)
        {
            return (CheckOutcome.Fail, "not checked: the configuration is not usable");
        }

        string host = _settings.Dicom.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : _settings.Dicom.BindAddress;
        int port = _status?.Dicom.Port ?? _settings.Dicom.Port;
        var peer = new DicomPeer(host, port, _settings.Dicom.AeTitle);
        try
        {
            EchoResult echo = await Client(request.CallingAeTitle, request.TimeoutSeconds).EchoAsync(peer, cancellationToken).ConfigureAwait(false);
            return Echoed(echo, $"{request.CallingAeTitle} -> {peer}");
        }
        catch (DicomAssociationException ex) when (ex.Reject is { Source: AssociateRejectSource.ServiceUser, Reason: 3 } && _settings.Dicom.AllowedCallingAeTitles.Count > 0)
        {
            // The receiver answered and applied its allow-list, as configured; the echo itself needs an admitted AE.
            return (CheckOutcome.Pass, $"{peer} answers and refused {request.CallingAeTitle} as its allow-list says (--calling-aet AE to echo as an admitted modality)");
        }
        catch (DicomAssociationException ex)
        {
            return (CheckOutcome.Fail, $"{peer}: {ex.Message}{(_status is null ? " (edge-service is not running: systemctl status edge)" : string.Empty)}");
        }
    }

    private async Task<(CheckOutcome, string)> EchoDestinationAsync(IConfigurationSection destination, SelftestRequest request, CancellationToken cancellationToken)
    {
        if (!int.TryParse(destination["Port"], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || destination["AeTitle"] is not { Length: > 0 } ae)
        {
            return (CheckOutcome.Fail, $"{destination.Path}: AeTitle and Port are required");
        }

        string calling = destination["CallingAeTitle"] is { Length: > 0 } c ? c : _settings?.Dicom.AeTitle ?? "EDGE";
        var peer = new DicomPeer(destination["Host"]!, port, ae);
        try
        {
            EchoResult echo = await Client(calling, request.TimeoutSeconds).EchoAsync(peer, cancellationToken).ConfigureAwait(false);
            return Echoed(echo, $"{calling} -> {peer}");
        }
        catch (DicomAssociationException ex)
        {
            return (CheckOutcome.Fail, $"{calling} -> {peer}: {ex.Message}");
        }
    }

    private static DicomClient Client(string callingAe, int timeoutSeconds) => new(new DicomClientOptions
    {
        CallingAeTitle = callingAe,
        ConnectTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        AcseTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        DimseTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    });

    private static (CheckOutcome, string) Echoed(EchoResult echo, string what) => echo.Succeeded
        ? (CheckOutcome.Pass, string.Create(CultureInfo.InvariantCulture, $"{what}: Success in {echo.RoundTrip.TotalMilliseconds:0} ms ({echo.PeerImplementationVersionName ?? echo.PeerImplementationClassUid})"))
        : (CheckOutcome.Fail, $"{what}: {DimseStatus.Describe(echo.Status)}");

    private async Task<(CheckOutcome, string)> MqttRoundTripAsync(SelftestRequest request, CancellationToken cancellationToken)
    {
        if (_settings is null)
        {
            return (CheckOutcome.Fail, "not checked: the configuration is not usable");
        }

        var mqtt = _settings.Mqtt;
        if (string.IsNullOrWhiteSpace(mqtt.Host))
        {
            return (CheckOutcome.Warn, "no broker configured (Mqtt:Host is empty): summaries stay in the outbox");
        }

        // Its own client id: taking the service's would make the broker disconnect the running service.
        string clientId = (string.IsNullOrEmpty(mqtt.ClientId) ? "edge-" + _settings.Device.Id : mqtt.ClientId) + "-selftest";
        string topic = $"{mqtt.TopicPrefix}/{_settings.Device.Site}/{_settings.Device.Id}/selftest";
        string endpoint = $"{mqtt.Host}:{mqtt.EffectivePort}{(mqtt.Tls.Enabled ? " (TLS)" : string.Empty)}";
        string nonce = Guid.NewGuid().ToString("N");
        var received = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == topic && Encoding.UTF8.GetString(e.ApplicationMessage.Payload).Contains(nonce, StringComparison.Ordinal))
            {
                received.TrySetResult(true);
            }

            return Task.CompletedTask;
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(request.TimeoutSeconds));
        MqttClientConnectResult connected;
        try
        {
            connected = await client.ConnectAsync(BrokerClientOptions.Create(mqtt, clientId).WithCleanStart(true).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or IOException
            or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException or System.Security.Cryptography.CryptographicException)
        {
            string why = ex is OperationCanceledException ? $"no answer within {request.TimeoutSeconds} s" : Innermost(ex).Message;
            return (CheckOutcome.Fail, $"cannot connect to {endpoint}: {why}");
        }

        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            return (CheckOutcome.Fail, $"{endpoint} refused the connection: {connected.ResultCode} {connected.ReasonString} (check the certificate, Mqtt:UsernameFile/PasswordFile and the broker's ACL)");
        }

        var clock = Stopwatch.StartNew();
        MqttClientSubscribeResult subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token).ConfigureAwait(false);
        MqttClientSubscribeResultCode granted = subscribed.Items.Single().ResultCode;
        if (granted is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
        {
            return (CheckOutcome.Fail, $"{endpoint} refused the subscription to {topic}: {granted} (the ACL must let a device read its own topics)");
        }

        string payload = $"{{\"kind\":\"selftest\",\"deviceId\":\"{_settings.Device.Id}\",\"siteId\":\"{_settings.Device.Site}\",\"nonce\":\"{nonce}\"}}";
        MqttClientPublishResult published = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithContentType("application/json").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token).ConfigureAwait(false);
        if (!published.IsSuccess)
        {
            return (CheckOutcome.Fail, $"{endpoint} refused the publish to {topic}: {published.ReasonCode} (the broker's ACL must let this device publish under {mqtt.TopicPrefix}/{_settings.Device.Site}/{_settings.Device.Id}/)");
        }

        try
        {
            await received.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (CheckOutcome.Fail, $"{endpoint} accepted the message on {topic} but did not deliver it back within {request.TimeoutSeconds} s");
        }

        await client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return (CheckOutcome.Pass, string.Create(CultureInfo.InvariantCulture,
            $"{endpoint}: connected as {clientId}, published and received back on {topic} in {clock.Elapsed.TotalMilliseconds:0} ms"));
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
