namespace Edge.Service.Control.Contracts;

/// <summary>The broker link. <see cref="LastError"/> never carries a secret (sync's own messages).</summary>
public sealed record MqttStatus(
    bool Enabled,
    string Endpoint,
    bool Connected,
    long ConnectAttempts,
    long ConnectFailures,
    long Published,
    string? LastError,
    DateTimeOffset? LastErrorAt);
