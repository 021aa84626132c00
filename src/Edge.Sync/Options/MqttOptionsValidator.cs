using Microsoft.Extensions.Options;

namespace Edge.Sync.Options;

/// <summary>Reports every bad <c>Mqtt:*</c> key at once, each naming its key and value.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        List<string> errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Collect(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = MqttOptions.SectionName;
        var e = new OptionErrors();
        if (options.Host is null || options.Host.Length > 253 || options.Host.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            e.Add($"{S}:Host", $"must be a host name or address (was '{options.Host}')");
        }

        if (options.Port != 0)
        {
            e.Range($"{S}:Port", options.Port, 1, 65535);
        }

        // MQTT 3.1.1 servers must accept 23-byte ids; MQTT 5 brokers take longer ones, mosquitto up to 65535.
        if (options.ClientId is { } id && (id.Length is 0 or > 128 || id.Any(char.IsControl)))
        {
            e.Add($"{S}:ClientId", $"must be 1-128 printable characters (was '{id}')");
        }

        e.FileExists($"{S}:UsernameFile", options.UsernameFile);
        e.FileExists($"{S}:PasswordFile", options.PasswordFile);
        if (options.PasswordFile is not null && options.UsernameFile is null)
        {
            e.Add($"{S}:UsernameFile", "is required when Mqtt:PasswordFile is set");
        }

        // MQTT keep-alive is a 16-bit count of seconds; below 5 s PINGREQs add load for no gain.
        e.Range($"{S}:KeepAliveSeconds", options.KeepAliveSeconds, 5, 65535);
        e.Range($"{S}:ConnectTimeoutSeconds", options.ConnectTimeoutSeconds, 1, 300);
        e.Range($"{S}:PublishTimeoutSeconds", options.PublishTimeoutSeconds, 1, 600);
        e.Range($"{S}:ReconnectMinDelaySeconds", options.ReconnectMinDelaySeconds, 0.01, 3600);
        e.Range($"{S}:ReconnectMaxDelaySeconds", options.ReconnectMaxDelaySeconds, 0.01, 86400);
        if (options.ReconnectMaxDelaySeconds < options.ReconnectMinDelaySeconds)
        {
            e.Add($"{S}:ReconnectMaxDelaySeconds", $"must be at least Mqtt:ReconnectMinDelaySeconds (was {options.ReconnectMaxDelaySeconds})");
        }

        e.Range($"{S}:HeartbeatSeconds", options.HeartbeatSeconds, 1, 3600);
        if (!TopicNames.IsValidPrefix(options.TopicPrefix))
        {
            e.Add($"{S}:TopicPrefix", $"must be topic levels without wildcards, e.g. edge/v1 (was '{options.TopicPrefix}')");
        }

        MqttTlsOptions tls = options.Tls;
        if (tls.Enabled)
        {
            e.Required($"{S}:Tls:CaFile", tls.CaFile, "when Mqtt:Tls:Enabled is true (the private CA that signed the broker)");
            e.FileExists($"{S}:Tls:CaFile", tls.CaFile);
            e.FileExists($"{S}:Tls:CertFile", tls.CertFile);
            e.FileExists($"{S}:Tls:KeyFile", tls.KeyFile);
            if ((tls.CertFile is null) != (tls.KeyFile is null))
            {
                e.Add($"{S}:Tls:KeyFile", "Mqtt:Tls:CertFile and Mqtt:Tls:KeyFile must be set together");
            }
        }

        MqttOutboxOptions outbox = options.Outbox;

        // 1M entries of a few KiB each is already gigabytes of LiteDB on a Jetson's eMMC.
        e.Range($"{S}:Outbox:MaxPending", outbox.MaxPending, 1, 1_000_000);

        // The MQTT 5 message expiry interval is a 32-bit count of seconds (about 136 years); a year is plenty.
        e.Range($"{S}:Outbox:MaxAgeDays", outbox.MaxAgeDays, 0.0001, 365);
        e.Range($"{S}:Outbox:MaxAttempts", outbox.MaxAttempts, 1, 1000);
        return e.List;
    }
}
