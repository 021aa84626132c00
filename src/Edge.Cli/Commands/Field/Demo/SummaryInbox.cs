using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Edge.Sync.Messages;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>
/// The central site's side of the demo: an MQTT 5 client subscribed to every device's topics (as <c>edgectl fleet
/// watch</c> is), keeping each summary and alert, and every raw payload for the demo's PHI check.
/// </summary>
internal sealed class SummaryInbox : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<EdgeSummary> _summaries = new();
    private readonly ConcurrentQueue<EdgeSummary> _alerts = new();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _raw = new();

    private SummaryInbox()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            string topic = e.ApplicationMessage.Topic;
            byte[] payload = e.ApplicationMessage.Payload.ToArray();
            _raw.Enqueue((topic, payload));
            if (topic.EndsWith("/summary", StringComparison.Ordinal) || topic.EndsWith("/alert", StringComparison.Ordinal))
            {
                try
                {
                    if (JsonSerializer.Deserialize<EdgeSummary>(payload, Json) is { } summary)
                    {
                        (summary.Kind == "alert" ? _alerts : _summaries).Enqueue(summary);
                    }
                }
                catch (JsonException)
                {
                    // Kept in the raw list; the demo reports what it could not read.
                }
            }

            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<EdgeSummary> Summaries => [.. _summaries];

    public IReadOnlyList<EdgeSummary> Alerts => [.. _alerts];

    public IReadOnlyList<(string Topic, byte[] Payload)> Messages => [.. _raw];

    public static async Task<SummaryInbox> ConnectAsync(int port, string topicFilter, CancellationToken cancellationToken)
    {
        var inbox = new SummaryInbox();
        await inbox._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("edge-demo-central")
            .Build(), cancellationToken).ConfigureAwait(false);
        await inbox._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
        return inbox;
    }

    /// <summary>Whether any payload or topic contains <paramref name="value"/> (UTF-8 bytes).</summary>
    public bool Contains(string value)
    {
        byte[] needle = Encoding.UTF8.GetBytes(value);
        return Messages.Any(m => m.Payload.AsSpan().IndexOf(needle) >= 0 || m.Topic.Contains(value, StringComparison.Ordinal));
    }

    public void Dispose() => _client.Dispose();
}
