namespace Edge.Sync.Options;

/// <summary>Options for section <c>Device</c>: who this appliance is, and its pseudonymisation secret.</summary>
public sealed class DeviceOptions
{
    public const string SectionName = "Device";

    /// <summary>Device id; a single MQTT topic level (letters, digits, '.', '_', '-').</summary>
    public string Id { get; set; } = "dev";

    /// <summary>Site id; a single MQTT topic level.</summary>
    public string Site { get; set; } = "dev";

    /// <summary>
    /// File holding the per-device HMAC secret (written by <c>edgectl provision</c>). If neither this nor
    /// <see cref="HmacSecret"/> is set, the service keeps a generated secret beside the database.
    /// </summary>
    public string? HmacSecretFile { get; set; }

    /// <summary>The secret inline; for development only, since it then sits in configuration.</summary>
    public string? HmacSecret { get; set; }
}
