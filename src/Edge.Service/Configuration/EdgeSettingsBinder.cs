using Edge.Dicom.Network.Server;
using Edge.Imaging.Completion;
using Edge.Inference;
using Edge.Reporting;
using Edge.Service.Forwarding;
using Edge.Store;
using Edge.Sync.Options;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Configuration;

/// <summary>Binds <see cref="EdgeSettings"/> from a configuration: each section onto its options type, then the derived paths.</summary>
public static class EdgeSettingsBinder
{
    /// <summary>Every section the appliance reads, with its options type. A new stage adds its section here.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (DicomServerOptions.SectionName, typeof(DicomServerOptions)),
        (StoreOptions.SectionName, typeof(StoreOptions)),
        (MqttOptions.SectionName, typeof(MqttOptions)),
        (DeviceOptions.SectionName, typeof(DeviceOptions)),
        (InferenceOptions.SectionName, typeof(InferenceOptions)),
        (CompletionSection, typeof(SeriesCompletionOptions)),
        (ControlOptions.SectionName, typeof(ControlOptions)),
        (PipelineOptions.SectionName, typeof(PipelineOptions)),
        (ForwardingOptions.SectionName, typeof(ForwardingOptions)),
        (ForwardingOptions.DestinationsSection, typeof(List<DestinationOptions>)),
        (ReportingOptions.SectionName, typeof(ReportingOptions)),
    ];

    /// <summary>The imaging layer names its keys <c>Completion:QuietTime</c> and <c>Completion:MaxOpenAssociationWait</c>.</summary>
    public const string CompletionSection = "Completion";

    /// <summary>
    /// Binds every section. Values that cannot be converted must have been reported already (the validator does that
    /// first); binding a configuration that still holds one throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static EdgeSettings Bind(IConfiguration configuration, bool forService = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        StorageOptions storage = Get<StorageOptions>(configuration, StorageOptions.SectionName);
        if (configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Root)}"] is null && SystemdDirectory("STATE_DIRECTORY") is { } state)
        {
            // Under the packaged unit (StateDirectory=edge) systemd names the data directory: /var/lib/edge.
            storage.Root = state;
        }

        string dataRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(storage.Root) ? "." : storage.Root);

        DicomServerOptions dicom = Get<DicomServerOptions>(configuration, DicomServerOptions.SectionName);
        if (configuration[$"{DicomServerOptions.SectionName}:{nameof(DicomServerOptions.StorageRoot)}"] is null)
        {
            dicom.StorageRoot = Path.Combine(dataRoot, EdgeSettings.IncomingFolder);
        }

        StoreOptions store = Get<StoreOptions>(configuration, StoreOptions.SectionName);
        if (configuration[$"{StoreOptions.SectionName}:{nameof(StoreOptions.Path)}"] is null)
        {
            store.Path = Path.Combine(dataRoot, EdgeSettings.DatabaseFile);
        }

        // The binder takes records' init-only properties as it does settable ones.
        var completion = new SeriesCompletionOptions();
        configuration.GetSection(CompletionSection).Bind(completion);

        ControlOptions control = Get<ControlOptions>(configuration, ControlOptions.SectionName);
        return new EdgeSettings
        {
            Storage = storage,
            Dicom = dicom,
            Store = store,
            Mqtt = Get<MqttOptions>(configuration, MqttOptions.SectionName),
            Device = Get<DeviceOptions>(configuration, DeviceOptions.SectionName),
            Inference = Get<InferenceOptions>(configuration, InferenceOptions.SectionName),
            Completion = completion,
            Control = control,
            Pipeline = Get<PipelineOptions>(configuration, PipelineOptions.SectionName),
            Forwarding = Get<ForwardingOptions>(configuration, ForwardingOptions.SectionName),
            Destinations = configuration.GetSection(ForwardingOptions.DestinationsSection).Get<List<DestinationOptions>>() ?? [],
            Reporting = Reporting(configuration),
            DataRoot = dataRoot,
            ControlSocket = control.Socket is { Length: > 0 } socket
                ? Path.GetFullPath(socket)
                : forService ? ControlSocketLocator.ForService(dataRoot) : ControlSocketLocator.ForClient(dataRoot),
        };
    }

    private static ReportingOptions Reporting(IConfiguration configuration)
    {
        ReportingOptions reporting = Get<ReportingOptions>(configuration, ReportingOptions.SectionName);
        if (configuration[$"{ReportingOptions.SectionName}:{nameof(ReportingOptions.DeviceId)}"] is null
            && configuration[$"{DeviceOptions.SectionName}:{nameof(DeviceOptions.Id)}"] is { Length: > 0 } device)
        {
            // Result objects name the device as the operator named it for sync, unless told otherwise.
            reporting.DeviceId = device;
        }

        return reporting;
    }

    /// <summary>The first directory of a systemd-set list such as <c>$STATE_DIRECTORY</c> (colon-separated; systemd.exec(5)).</summary>
    private static string? SystemdDirectory(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.Split(':')[0] : null;

    private static T Get<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
