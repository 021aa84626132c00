using Edge.Dicom.Network.Server;
using Edge.Inference;
using Edge.Service.Forwarding;
using Edge.Store;
using Edge.Sync.Options;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Configuration;

/// <summary>
/// The one check of a whole configuration, used by <c>edge-service</c> at start and by <c>edgectl config validate</c>:
/// values that do not convert, then every layer's own validator on the bound options, then the service's own rules.
/// Every error is collected; nothing stops at the first. Each line names its key, e.g.
/// <c>Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)</c>.
/// </summary>
public static class EdgeConfigurationValidator
{
    /// <summary>
    /// The longest Unix socket path: sun_path holds 108 bytes on Linux (unix(7)), one of them the terminating NUL.
    /// </summary>
    public const int MaxSocketPathBytes = 107;

    public static ConfigurationReport Validate(IConfiguration configuration) => Validate(configuration, out _);

    /// <summary>Validates and, when there is no error, returns the bound settings.</summary>
    public static ConfigurationReport Validate(IConfiguration configuration, out EdgeSettings? settings, bool forService = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var report = new ConfigurationReport();
        foreach ((string section, Type type) in EdgeSettingsBinder.Sections)
        {
            ConfigurationValueChecker.Check(configuration.GetSection(section), type, report);
        }

        IConfiguration usable = WithoutUnusable(configuration, report.UnusableKeys);
        EdgeSettings bound = EdgeSettingsBinder.Bind(usable, forService);
        report.AddErrors(DicomServerOptionsValidator.Validate(bound.Dicom));
        report.AddErrors(StoreOptionsValidator.Collect(bound.Store));
        report.AddErrors(MqttOptionsValidator.Collect(bound.Mqtt));
        report.AddErrors(DeviceOptionsValidator.Collect(bound.Device));
        report.AddErrors(InferenceOptionsValidator.Errors(bound.Inference));
        report.AddErrors(bound.Completion.Validate());
        CheckStorage(bound, report);
        CheckControl(bound, report);
        CheckPipeline(bound.Pipeline, report);
        ForwardingOptionsValidator.Check(bound.Destinations, bound.Forwarding, report);
        report.AddErrors(bound.Reporting.Validate());
        settings = report.IsValid ? bound : null;
        return report;
    }

    private static void CheckStorage(EdgeSettings settings, ConfigurationReport report)
    {
        const string S = StorageOptions.SectionName;
        StorageOptions storage = settings.Storage;
        if (string.IsNullOrWhiteSpace(storage.Root))
        {
            report.Error($"{S}:Root", "must name the data directory");
        }

        // A keep window beyond a year is a unit mistake (days typed as hours would still pass at 8760).
        if (!double.IsFinite(storage.KeepReceivedHours) || storage.KeepReceivedHours < 0 || storage.KeepReceivedHours > 8760)
        {
            report.Error($"{S}:KeepReceivedHours", $"must be 0-8760 (was {storage.KeepReceivedHours})");
        }

        if (storage.QuotaBytes < 0)
        {
            report.Error($"{S}:QuotaBytes", $"must be 0 (no quota) or a size in bytes (was {storage.QuotaBytes})");
        }

        if (storage.RetentionIntervalSeconds is < 1 or > 86_400)
        {
            report.Error($"{S}:RetentionIntervalSeconds", $"must be 1-86400 (was {storage.RetentionIntervalSeconds})");
        }
    }

    private static void CheckControl(EdgeSettings settings, ConfigurationReport report)
    {
        int bytes = System.Text.Encoding.UTF8.GetByteCount(settings.ControlSocket);
        if (bytes > MaxSocketPathBytes)
        {
            string key = settings.Control.Socket is null ? $"{StorageOptions.SectionName}:Root" : $"{ControlOptions.SectionName}:Socket";
            report.Error(key, $"gives a control socket path of {bytes} bytes; Unix sockets allow {MaxSocketPathBytes} (was '{settings.ControlSocket}')");
        }
    }

    private static void CheckPipeline(PipelineOptions pipeline, ConfigurationReport report)
    {
        const string S = PipelineOptions.SectionName;

        // Below 10 s a busy but healthy stage on a loaded Jetson could trip the watchdog; a day is a typo.
        Range(report, $"{S}:AssemblyStallSeconds", pipeline.AssemblyStallSeconds, 10, 86_400);
        Range(report, $"{S}:InferenceStallSeconds", pipeline.InferenceStallSeconds, 10, 86_400);
        Range(report, $"{S}:StallSeconds", pipeline.StallSeconds, 10, 86_400);

        // Each queued volume can be a GiB or more; 8 is far past what overlap needs.
        Range(report, $"{S}:AssembledQueueCapacity", pipeline.AssembledQueueCapacity, 1, 8);
        Range(report, $"{S}:PredecodeMemoryMiB", pipeline.PredecodeMemoryMiB, 0, 65_536); // 64 GiB: the largest Jetson's memory.
    }

    internal static void Range(ConfigurationReport report, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            report.Error(key, $"must be {min}-{max} (was {value})");
        }
    }

    private static IConfiguration WithoutUnusable(IConfiguration configuration, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return configuration;
        }

        // A copy without the bad values, so the binder keeps those options' defaults and the other checks still run.
        var bad = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.AsEnumerable().Where(kv => kv.Value is not null && !bad.Contains(kv.Key)))
            .Build();
    }
}
