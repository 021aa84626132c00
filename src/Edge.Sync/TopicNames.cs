using System.Buffers;

namespace Edge.Sync;

/// <summary>The device's topics: <c>{prefix}/{site}/{device}/{summary|alert|status|heartbeat}</c>.</summary>
public sealed class TopicNames
{
    private static readonly SearchValues<char> LevelChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public TopicNames(string prefix, string site, string device)
    {
        if (!IsValidPrefix(prefix) || !IsValidLevel(site) || !IsValidLevel(device))
        {
            throw new ArgumentException($"Invalid topic parts '{prefix}', '{site}', '{device}'.");
        }

        string root = $"{prefix}/{site}/{device}";
        Summary = root + "/summary";
        Alert = root + "/alert";
        Status = root + "/status";
        Heartbeat = root + "/heartbeat";
        Prefix = prefix;
    }

    public string Prefix { get; }

    public string Summary { get; }

    public string Alert { get; }

    public string Status { get; }

    public string Heartbeat { get; }

    /// <summary>Everything from every device under the prefix: what a central consumer subscribes to.</summary>
    public static string AllDevices(string prefix) => prefix + "/+/+/#";

    /// <summary>
    /// A topic level we accept for site and device: 1-64 of <c>A-Z a-z 0-9 . _ -</c>, so it cannot carry MQTT
    /// wildcards, separators or characters that break ACL patterns (mosquitto's %u/%c substitution).
    /// </summary>
    public static bool IsValidLevel(string? level) =>
        level is { Length: > 0 and <= 64 } && !level.AsSpan().ContainsAnyExcept(LevelChars) && level is not "." and not "..";

    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= 128 } && prefix.Split('/').All(IsValidLevel);
}
