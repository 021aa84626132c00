using System.Text.Json;

namespace Edge.Sync.Fleet;

/// <summary>One message a central consumer received, parsed and checked.</summary>
/// <param name="Kind">From the topic's last level.</param>
/// <param name="Topic">The full topic.</param>
/// <param name="Site">The topic's site level.</param>
/// <param name="Device">The topic's device level.</param>
/// <param name="Id">The payload's id, for summaries and alerts.</param>
/// <param name="Payload">The parsed payload; null when it is not JSON.</param>
/// <param name="Errors">Schema violations (summaries and alerts); empty when valid.</param>
/// <param name="Retained">Delivered from the broker's retained store (status).</param>
public sealed record FleetEvent(
    FleetMessageKind Kind,
    string Topic,
    string Site,
    string Device,
    Guid? Id,
    JsonElement? Payload,
    IReadOnlyList<string> Errors,
    bool Retained)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>A string property of the payload, if present.</summary>
    public string? Text(string name) =>
        Payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
