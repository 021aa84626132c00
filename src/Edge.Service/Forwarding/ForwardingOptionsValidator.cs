using System.Globalization;
using Edge.Dicom.Network.Server;
using Edge.Service.Configuration;

namespace Edge.Service.Forwarding;

/// <summary>Checks the destinations and the retry settings; every error names its key.</summary>
public static class ForwardingOptionsValidator
{
    /// <summary>Destinations on one box: a PACS and a second AE is the usual case; 16 is a guard against a runaway list.</summary>
    public const int MaxDestinations = 16;

    public static void Check(IReadOnlyList<DestinationOptions> destinations, ForwardingOptions options, ConfigurationReport report)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        const string D = ForwardingOptions.DestinationsSection;
        if (destinations.Count > MaxDestinations)
        {
            report.Error(D, $"at most {MaxDestinations} destinations (was {destinations.Count})");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < destinations.Count; i++)
        {
            DestinationOptions d = destinations[i];
            string key = string.Create(CultureInfo.InvariantCulture, $"{D}:{i}");

            // The name is part of each queued item's key, and shows in logs and status: keep it short and plain.
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 32 || !d.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                report.Error($"{key}:Name", $"must be 1-32 letters, digits, '-', '_' or '.' (was '{d.Name}')");
            }
            else if (!names.Add(d.Name))
            {
                report.Error($"{key}:Name", $"'{d.Name}' names two destinations");
            }

            if (!AeTitles.IsValid(d.AeTitle))
            {
                report.Error($"{key}:AeTitle", $"must be a DICOM AE title: 1-16 characters, no backslash or control characters (was '{d.AeTitle}')");
            }

            if (string.IsNullOrWhiteSpace(d.Host))
            {
                report.Error($"{key}:Host", "must name the destination's host or address");
            }

            if (d.Port is < 1 or > 65535)
            {
                report.Error($"{key}:Port", string.Create(CultureInfo.InvariantCulture, $"must be 1-65535 (was {d.Port})"));
            }

            if (d.CallingAeTitle is { Length: > 0 } calling && !AeTitles.IsValid(calling))
            {
                report.Error($"{key}:CallingAeTitle", $"must be a DICOM AE title: 1-16 characters, no backslash or control characters (was '{calling}')");
            }
        }

        const string F = ForwardingOptions.SectionName;
        if (!double.IsFinite(options.RetryBaseSeconds) || options.RetryBaseSeconds < 0.05 || options.RetryBaseSeconds > 3600)
        {
            report.Error($"{F}:RetryBaseSeconds", string.Create(CultureInfo.InvariantCulture, $"must be 0.05-3600 (was {options.RetryBaseSeconds})"));
        }

        if (!double.IsFinite(options.RetryMaxSeconds) || options.RetryMaxSeconds < options.RetryBaseSeconds || options.RetryMaxSeconds > 86_400)
        {
            report.Error($"{F}:RetryMaxSeconds", string.Create(CultureInfo.InvariantCulture,
                $"must be at least Forwarding:RetryBaseSeconds and at most 86400 (was {options.RetryMaxSeconds})"));
        }

        EdgeConfigurationValidator.Range(report, $"{F}:MaxAttempts", options.MaxAttempts, 1, 1000);

        // 128 presentation contexts is the association's limit, not the instance count; 1000 keeps one batch's
        // bookkeeping small while a series of a few hundred slices still goes in one association.
        EdgeConfigurationValidator.Range(report, $"{F}:BatchSize", options.BatchSize, 1, 1000);
        EdgeConfigurationValidator.Range(report, $"{F}:BatchWindowMilliseconds", options.BatchWindowMilliseconds, 0, 10_000);
        EdgeConfigurationValidator.Range(report, $"{F}:ConnectTimeoutSeconds", options.ConnectTimeoutSeconds, 1, 600);
        EdgeConfigurationValidator.Range(report, $"{F}:DimseTimeoutSeconds", options.DimseTimeoutSeconds, 1, 3600);
        EdgeConfigurationValidator.Range(report, $"{F}:FinishedRetentionDays", options.FinishedRetentionDays, 0, 3650);
    }
}
