using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Tests.Field;

/// <summary>
/// firmware-config/broker against a real mosquitto: mutual TLS only, each device confined to edge/v1/{site}/{device}/#,
/// consumers read-only (also through an MQTT 5 shared subscription), and a site broker bridging its site to the centre.
/// </summary>
public sealed class BrokerExampleTests(BrokerExample broker) : IClassFixture<BrokerExample>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_device_publishes_under_its_own_topics_and_a_shared_consumer_receives_them()
    {
        using var consumer = await Consumer.StartAsync(broker, "$share/archive/edge/v1/+/+/#");
        using IMqttClient device = await ConnectAsync(broker, broker.CentralPort, "clinic-a_ct-1");
        Assert.True((await PublishAsync(device, "edge/v1/clinic-a/ct-1/summary", "own")).IsSuccess);
        await consumer.WaitForAsync("own");
    }

    [Fact]
    public async Task A_device_cannot_publish_as_another_device_or_another_site()
    {
        using var consumer = await Consumer.StartAsync(broker, "edge/v1/#");
        using IMqttClient device = await ConnectAsync(broker, broker.CentralPort, "clinic-a_ct-1");
        foreach (string topic in new[] { "edge/v1/clinic-a/ct-2/summary", "edge/v1/clinic-b/ct-1/alert", "edge/v1/clinic-a/summary", "elsewhere/x" })
        {
            MqttClientPublishResult refused = await PublishAsync(device, topic, "forged:" + topic);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, refused.ReasonCode);
        }

        // Messages from one connection reach a subscriber in order: once the marker is there, a forged one would be too.
        Assert.True((await PublishAsync(device, "edge/v1/clinic-a/ct-1/heartbeat", "marker")).IsSuccess);
        await consumer.WaitForAsync("marker");
        Assert.DoesNotContain(consumer.Payloads, p => p.StartsWith("forged:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_cannot_read_the_fleet_and_a_consumer_cannot_publish()
    {
        // mosquitto grants the subscription, then delivers only what the reader may read: its own tree.
        using var snoop = await Consumer.StartAsync(broker, "clinic-a_ct-1", "edge/v1/#");
        using IMqttClient other = await ConnectAsync(broker, broker.CentralPort, "clinic-a_ct-2");
        Assert.True((await PublishAsync(other, "edge/v1/clinic-a/ct-2/summary", "not-for-ct-1")).IsSuccess);
        using IMqttClient self = await ConnectAsync(broker, broker.CentralPort, "clinic-a_ct-1");
        Assert.True((await PublishAsync(self, "edge/v1/clinic-a/ct-1/selftest", "marker")).IsSuccess);
        await snoop.WaitForAsync("marker");
        Assert.DoesNotContain("not-for-ct-1", snoop.Payloads);

        using IMqttClient consumer = await ConnectAsync(broker, broker.CentralPort, "consumer_archive");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(consumer, "edge/v1/clinic-a/ct-1/summary", "forged")).ReasonCode);
    }

    [Fact]
    public async Task A_client_without_a_certificate_from_the_fleet_CA_is_refused()
    {
        using IMqttClient anonymous = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(Wait);
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.ConnectAsync(Options(broker, broker.CentralPort, certificate: null), timeout.Token));
        Assert.False(anonymous.IsConnected);
    }

    [Fact]
    public async Task The_site_broker_bridges_its_devices_to_the_central_broker()
    {
        using var consumer = await Consumer.StartAsync(broker, "edge/v1/+/+/#");
        using IMqttClient device = await ConnectAsync(broker, broker.SitePort, "clinic-a_ct-2");
        Assert.True((await PublishAsync(device, "edge/v1/clinic-a/ct-2/summary", "bridged")).IsSuccess);
        await consumer.WaitForAsync("bridged");

        // The same ACL applies at the site broker: ct-2 cannot speak for ct-1 there either.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, (await PublishAsync(device, "edge/v1/clinic-a/ct-1/summary", "forged")).ReasonCode);

        // A device of another site connected to this site broker is confined to its own tree, which the bridge does not carry.
        using IMqttClient stranger = await ConnectAsync(broker, broker.SitePort, "clinic-b_ct-1");
        Assert.True((await PublishAsync(stranger, "edge/v1/clinic-b/ct-1/summary", "not-bridged")).IsSuccess);
        Assert.True((await PublishAsync(device, "edge/v1/clinic-a/ct-2/summary", "marker")).IsSuccess);
        await consumer.WaitForAsync("marker");
        Assert.DoesNotContain("not-bridged", consumer.Payloads);
        Assert.DoesNotContain("forged", consumer.Payloads);
    }

    private static async Task<IMqttClient> ConnectAsync(BrokerExample broker, int port, string identity)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(Wait);
        MqttClientConnectResult result = await client.ConnectAsync(Options(broker, port, identity), timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static MqttClientOptions Options(BrokerExample broker, int port, string? certificate)
    {
        var tls = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost("127.0.0.1")
            .WithRevocationMode(X509RevocationMode.NoCheck)
            .WithTrustChain([X509CertificateLoader.LoadCertificateFromFile(Path.Combine(broker.Pki, "ca.pem"))]);
        if (certificate is not null)
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(Path.Combine(broker.Pki, certificate + ".pem"), Path.Combine(broker.Pki, certificate + ".key"));
            tls = tls.WithClientCertificates([X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)]);
        }

        return new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("test-" + (certificate ?? "anonymous") + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithTlsOptions(tls.Build())
            .WithTimeout(Wait)
            .Build();
    }

    private static async Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
    }

    /// <summary>A subscriber (by default the central consumer, certificate CN central:archive) that records every payload it receives.</summary>
    private sealed class Consumer : IDisposable
    {
        private readonly ConcurrentQueue<string> _payloads = new();

        private Consumer(IMqttClient client) => Client = client;

        public IMqttClient Client { get; }

        public IReadOnlyList<string> Payloads => [.. _payloads];

        public static Task<Consumer> StartAsync(BrokerExample broker, string filter) => StartAsync(broker, "consumer_archive", filter);

        public static async Task<Consumer> StartAsync(BrokerExample broker, string identity, string filter)
        {
            IMqttClient client = await ConnectAsync(broker, broker.CentralPort, identity);
            var consumer = new Consumer(client);
            client.ApplicationMessageReceivedAsync += e =>
            {
                consumer._payloads.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
                return Task.CompletedTask;
            };
            MqttClientSubscribeResult result = await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, result.Items.Single().ResultCode);
            return consumer;
        }

        public async Task WaitForAsync(string payload)
        {
            DateTime deadline = DateTime.UtcNow + Wait;
            while (!_payloads.Contains(payload))
            {
                Assert.True(DateTime.UtcNow < deadline, $"the consumer did not receive '{payload}' within {Wait.TotalSeconds} s (got: {string.Join(", ", _payloads)})");
                await Task.Delay(20);
            }
        }

        public void Dispose() => Client.Dispose();
    }
}
