namespace Edge.Sync.Fleet;

/// <summary>How a central consumer (<c>edgectl fleet watch</c>) connects and subscribes.</summary>
public sealed class FleetWatchOptions
{
    public string Host { get; set; } = "localhost";

    /// <summary>0: 1883, or 8883 with TLS.</summary>
    public int Port { get; set; }

    public bool Tls { get; set; }

    public string? CaFile { get; set; }

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? ServerName { get; set; }

    public string? UsernameFile { get; set; }

    public string? PasswordFile { get; set; }

    /// <summary>MQTT 5 shared-subscription group: consumers in one group split the messages between them.</summary>
    public string? SharedGroup { get; set; }

    /// <summary>Client id; empty gives a random one. Fix it (with <see cref="SessionExpirySeconds"/>) to be sent what arrived while away.</summary>
    public string? ClientId { get; set; }

    /// <summary>0: a clean session. Above 0: the broker keeps the subscription and queues QoS 1 messages that long.</summary>
    public uint SessionExpirySeconds { get; set; }

    public string TopicPrefix { get; set; } = "edge/v1";

    /// <summary>Ids remembered for de-duplication; 100 000 is weeks of a large fleet's summaries in a few MB.</summary>
    public int DedupeCapacity { get; set; } = 100_000;

    /// <summary>The topic filter to subscribe to.</summary>
    public string TopicFilter => SharedGroup is { Length: > 0 } group
        ? $"$share/{group}/{TopicNames.AllDevices(TopicPrefix)}"
        : TopicNames.AllDevices(TopicPrefix);

    /// <summary>Every bad option, each naming its flag.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("--host: is required");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"--port: must be 1-65535 (was {Port})");
        }

        if (SharedGroup is { } g && !TopicNames.IsValidLevel(g))
        {
            errors.Add($"--shared: must be 1-64 of A-Z a-z 0-9 . _ - (was '{g}')");
        }

        if (Tls && string.IsNullOrEmpty(CaFile))
        {
            errors.Add("--ca: is required with --tls");
        }

        foreach ((string flag, string? path) in new[] { ("--ca", CaFile), ("--cert", CertFile), ("--key", KeyFile), ("--username-file", UsernameFile), ("--password-file", PasswordFile) })
        {
            if (path is not null && !File.Exists(path))
            {
                errors.Add($"{flag}: file not found (was '{path}')");
            }
        }

        if ((CertFile is null) != (KeyFile is null))
        {
            errors.Add("--key: --cert and --key go together");
        }

        if (!TopicNames.IsValidPrefix(TopicPrefix))
        {
            errors.Add($"--prefix: must be topic levels without wildcards (was '{TopicPrefix}')");
        }

        if (DedupeCapacity < 1)
        {
            errors.Add($"--dedupe: must be at least 1 (was {DedupeCapacity})");
        }

        return errors;
    }
}
