using Edge.Dicom.Network.Server;
using Edge.Imaging.Completion;
using Edge.Inference;
using Edge.Reporting;
using Edge.Service.Forwarding;
using Edge.Store;
using Edge.Sync.Options;

namespace Edge.Service.Configuration;

/// <summary>
/// Every option of the appliance, bound from one configuration and completed with the defaults that derive from
/// <c>Storage:Root</c>: the received-instance tree, the database, the device secret and (in a dev checkout) the
/// control socket. Built by <see cref="EdgeSettingsBinder"/>; checked by <see cref="EdgeConfigurationValidator"/>.
/// </summary>
public sealed class EdgeSettings
{
    /// <summary>Received instances live in <c>{Storage:Root}/incoming</c> unless <c>Dicom:StorageRoot</c> says otherwise.</summary>
    public const string IncomingFolder = "incoming";

    public const string DatabaseFile = "edge.db";

    /// <summary>DICOM result objects (SR, key images, SEG) live in <c>{Storage:Root}/results</c>.</summary>
    public const string ResultObjectsFolder = "results";

    /// <summary>The generated per-device HMAC secret when <c>Device:HmacSecret(File)</c> is not configured.</summary>
    public const string SecretFile = "device-secret";

    public required StorageOptions Storage { get; init; }

    public required DicomServerOptions Dicom { get; init; }

    public required StoreOptions Store { get; init; }

    public required MqttOptions Mqtt { get; init; }

    public required DeviceOptions Device { get; init; }

    public required InferenceOptions Inference { get; init; }

    public required SeriesCompletionOptions Completion { get; init; }

    public required ControlOptions Control { get; init; }

    public required PipelineOptions Pipeline { get; init; }

    /// <summary>Where received originals and result objects go (<c>Destinations:N:*</c>); empty: nothing is forwarded.</summary>
    public IReadOnlyList<DestinationOptions> Destinations { get; init; } = [];

    public ForwardingOptions Forwarding { get; init; } = new();

    /// <summary>How results become DICOM objects for the result destinations (<c>Reporting:*</c>).</summary>
    public ReportingOptions Reporting { get; init; } = new();

    /// <summary>Where result objects are written before they are forwarded.</summary>
    public string ResultObjectsRoot => Path.Combine(DataRoot, ResultObjectsFolder);

    /// <summary><see cref="StorageOptions.Root"/> as a full path.</summary>
    public required string DataRoot { get; init; }

    /// <summary>The control socket path in effect (configured, or chosen by <see cref="ControlSocketLocator"/>).</summary>
    public required string ControlSocket { get; init; }

    public string SecretPath => Path.Combine(DataRoot, SecretFile);

    /// <summary>Whether a broker is configured at all; an empty <c>Mqtt:Host</c> keeps summaries in the outbox.</summary>
    public bool SyncEnabled => !string.IsNullOrWhiteSpace(Mqtt.Host);
}
