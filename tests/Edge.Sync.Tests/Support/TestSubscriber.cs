using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Sync.Tests.Support;

/// <summary>A real MQTT 5 client that subscribes and records every message, optionally with a persistent session.</summary>
internal sealed class TestSubscriber : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly string _filter;
    private readonly int _port;
    private readonly string _clientId;
    private readonly uint _sessionExpiry;

    private TestSubscriber(int port, string filter, string clientId, uint sessionExpiry)
    {
        _port = port;
        _filter = filter;
        _clientId = clientId;
        _sessionExpiry = sessionExpiry;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            _messages.Enqueue(new ReceivedMessage(
                m.Topic,
                m.Payload.ToArray(),
                m.Retain,
                m.ContentType,
                m.MessageExpiryInterval,
                (m.UserProperties ?? []).Select(p => (p.Name, System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span))).ToList()));
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    public bool IsConnected => _client.IsConnected;

    public static async Task<TestSubscriber> ConnectAsync(int port, string filter = "#", string? clientId = null, uint sessionExpiry = 0)
    {
        var subscriber = new TestSubscriber(port, filter, clientId ?? "test-sub-" + Guid.NewGuid().ToString("N")[..8], sessionExpiry);
        await subscriber.ReconnectAsync();
        return subscriber;
    }

    /// <summary>Connects (again), resuming the session when it is persistent, and subscribes.</summary>
    public async Task ReconnectAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        MqttClientConnectResult result = await _client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(_clientId)
            .WithCleanStart(_sessionExpiry == 0)
            .WithSessionExpiryInterval(_sessionExpiry)
            .Build(), timeout.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        if (!result.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the messages so far.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(Func<IReadOnlyList<ReceivedMessage>, bool> done, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            IReadOnlyList<ReceivedMessage> now = Messages;
            if (done(now))
            {
                return now;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"timed out waiting for {what}; got {Messages.Count} messages: " +
            string.Join(" | ", Messages.Select(m => m.Topic)));
    }

    public IReadOnlyList<ReceivedMessage> On(string topicSuffix) =>
        Messages.Where(m => m.Topic.EndsWith(topicSuffix, StringComparison.Ordinal)).ToList();

    public void Dispose() => _client.Dispose();
}
