using System.Text;
using Edge.Sync.Summaries;

namespace Edge.Sync.Mqtt;

/// <summary>MQTT 5 user-property names and pre-encoded values Edge attaches to every message.</summary>
internal static class MessageProperties
{
    /// <summary>The schema version of the JSON payload (also inside it), for consumers that route before parsing.</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>The payload's <c>id</c>, so brokers' and consumers' de-duplication need not parse JSON.</summary>
    public const string MessageId = "message-id";

    public const string ContentType = "application/json";

    public static ReadOnlyMemory<byte> SchemaVersionValue { get; } = Encoding.UTF8.GetBytes(SummaryBuilder.SchemaVersion);

    public static ReadOnlyMemory<byte> Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
