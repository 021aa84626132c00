using System.Text;
using System.Text.Json;
using Edge.Sync.Fleet;

namespace Edge.Cli.Commands.Fleet;

/// <summary>One JSON object per line: the event's envelope with the device's payload inside.</summary>
internal static class FleetJson
{
    public static string Line(FleetEvent e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            w.WriteString("topic", e.Topic);
            w.WriteString("site", e.Site);
            w.WriteString("device", e.Device);
            if (e.Id is { } id)
            {
                w.WriteString("id", id);
            }

            w.WriteBoolean("valid", e.IsValid);
            w.WriteBoolean("retained", e.Retained);
            w.WriteStartArray("errors");
            foreach (string error in e.Errors)
            {
                w.WriteStringValue(error);
            }

            w.WriteEndArray();
            if (e.Payload is { } payload)
            {
                w.WritePropertyName("payload");
                payload.WriteTo(w);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
