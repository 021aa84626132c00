using System.Text;
using System.Text.Json;

namespace Edge.Sync.Tests.Support;

/// <summary>Everything a subscriber saw of one message: topic, bytes, flags and MQTT 5 properties.</summary>
internal sealed record ReceivedMessage(
    string Topic,
    byte[] Payload,
    bool Retain,
    string? ContentType,
    uint MessageExpiryInterval,
    IReadOnlyList<(string Name, string Value)> UserProperties)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;

    public string? Property(string name) => UserProperties.FirstOrDefault(p => p.Name == name).Value;

    public Guid Id => Guid.Parse(Json.GetProperty("id").GetString()!);

    /// <summary>Every byte the broker delivered for this message, for scanning.</summary>
    public IEnumerable<byte[]> AllBytes()
    {
        yield return Encoding.UTF8.GetBytes(Topic);
        yield return Payload;
        if (ContentType is not null)
        {
            yield return Encoding.UTF8.GetBytes(ContentType);
        }

        foreach ((string n, string v) in UserProperties)
        {
            yield return Encoding.UTF8.GetBytes(n);
            yield return Encoding.UTF8.GetBytes(v);
        }
    }
}
