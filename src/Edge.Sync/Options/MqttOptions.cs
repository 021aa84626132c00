namespace Edge.Sync.Options;

/// <summary>Options for section <c>Mqtt</c>: the broker, how to reach it, and how hard to try.</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>Broker host name or address. Empty turns sync off: summaries wait in the outbox.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Broker port; 0 means the IANA default, 1883 or 8883 with TLS.</summary>
    public int Port { get; set; }

    /// <summary>MQTT client id; empty means <c>edge-{Device:Id}</c>. Unique per broker, or the broker drops one of the two.</summary>
    public string? ClientId { get; set; }

    /// <summary>File holding the user name (first line). Files keep secrets out of config and logs.</summary>
    public string? UsernameFile { get; set; }

    /// <summary>File holding the password (first line); re-read on every connection attempt, so rotation needs no restart.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// Keep-alive in seconds. 30 s notices a dead link (and fires the last will) within 45 s, per MQTT's
    /// 1.5 x keep-alive rule, at one small PINGREQ per half minute.
    /// </summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>TCP + TLS + CONNACK must finish within this; 10 s covers a slow TLS handshake on a Jetson.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>A PUBACK not received within this counts as a failed publish (and the link is presumed dead).</summary>
    public int PublishTimeoutSeconds { get; set; } = 30;

    /// <summary>First reconnect delay; doubles per failure up to <see cref="ReconnectMaxDelaySeconds"/>.</summary>
    public double ReconnectMinDelaySeconds { get; set; } = 1;

    /// <summary>Cap of the reconnect delay: 5 min keeps a clinic's uplink quiet during a long central outage.</summary>
    public double ReconnectMaxDelaySeconds { get; set; } = 300;

    /// <summary>Heartbeat period; the issue asks for one a minute.</summary>
    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>First topic levels; the device's topics are <c>{TopicPrefix}/{site}/{device}/...</c>.</summary>
    public string TopicPrefix { get; set; } = "edge/v1";

    public MqttTlsOptions Tls { get; set; } = new();

    public MqttOutboxOptions Outbox { get; set; } = new();

    /// <summary>The port actually used: <see cref="Port"/>, or the IANA default for the transport.</summary>
    public int EffectivePort => Port != 0 ? Port : Tls.Enabled ? 8883 : 1883;
}
