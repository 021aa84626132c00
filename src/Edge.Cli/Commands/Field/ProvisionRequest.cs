namespace Edge.Cli.Commands.Field;

/// <summary>What <c>edgectl provision</c> was told by its flags; null means "not given" (asked for, or left as it is).</summary>
internal sealed record ProvisionRequest
{
    public const string DefaultConfigPath = "/etc/edge/edge.json";

    public const string DefaultDropInPath = "/etc/systemd/system/edge.service.d/50-profile.conf";

    public string ConfigPath { get; init; } = DefaultConfigPath;

    public string DropInPath { get; init; } = DefaultDropInPath;

    public string? DeviceId { get; init; }

    public string? Site { get; init; }

    public string? AeTitle { get; init; }

    public int? Port { get; init; }

    /// <summary>Calling AE titles allowed to send, each <c>AE</c> or <c>AE@host</c>; an empty list allows any.</summary>
    public IReadOnlyList<string>? AllowedModalities { get; init; }

    /// <summary><c>AE@host:port</c>, or <c>none</c> to remove the destination.</summary>
    public string? Pacs { get; init; }

    /// <summary>Broker host; <c>none</c> turns sync off (summaries wait in the outbox).</summary>
    public string? MqttHost { get; init; }

    public int? MqttPort { get; init; }

    public string? MqttCaFile { get; init; }

    public string? MqttCertFile { get; init; }

    public string? MqttKeyFile { get; init; }

    public string? Profile { get; init; }

    /// <summary>Replace an existing HMAC secret (changes every study and series key this device publishes from now on).</summary>
    public bool NewSecret { get; init; }

    /// <summary>Ask for what the flags did not give (only on a terminal).</summary>
    public bool Interactive { get; init; }
}
