using System.Globalization;
using System.Text.Json;
using Edge.Store.Documents;
using Edge.Sync.Messages;

namespace Edge.Sync.Summaries;

/// <summary>
/// Builds the PHI-free summary of one result from an explicit allow-list of fields. Each output property is
/// assigned below from a named input; identifiers are replaced by HMAC keys; free text is reduced to printable
/// ASCII, bounded, and blanked if it contains an identifying value of the series (<see cref="PhiScreen"/>).
/// </summary>
public sealed class SummaryBuilder
{
    public const string SchemaVersion = "1";

    // Field bounds match Schemas/edge-summary-v1.schema.json.
    private const int ShortText = 64;
    private const int ReasonText = 200;
    private const int VersionText = 32;
    private const int MaxModels = 64;
    private const int MaxFindings = 100;

    private readonly DeviceSecret _secret;
    private readonly string _deviceId;
    private readonly string _siteId;

    public SummaryBuilder(DeviceSecret secret, string deviceId, string siteId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!TopicNames.IsValidLevel(deviceId) || !TopicNames.IsValidLevel(siteId))
        {
            throw new ArgumentException("Device and site ids must be valid topic levels.");
        }

        _secret = secret;
        _deviceId = deviceId;
        _siteId = siteId;
    }

    /// <summary>The summary of <paramref name="result"/>; its id is the result id, its idempotency key.</summary>
    public EdgeSummary Build(SeriesRecord series, ResultRecord result)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(result);
        var screen = new PhiScreen(series);
        AcquisitionInfo acq = series.Acquisition;
        return new EdgeSummary
        {
            Kind = "summary",
            Id = result.Id,
            SchemaVersion = SchemaVersion,
            DeviceId = _deviceId,
            SiteId = _siteId,
            CreatedAt = FormatTime(result.CreatedAt),
            StudyKey = _secret.KeyOf(result.StudyInstanceUid.Length > 0 ? result.StudyInstanceUid : series.StudyInstanceUid),
            SeriesKey = _secret.KeyOf(result.SeriesInstanceUid.Length > 0 ? result.SeriesInstanceUid : series.SeriesInstanceUid),
            Generation = Math.Max(0, result.Generation),
            Modality = Modality(acq.Modality),
            Manufacturer = screen.Clean(TextSanitizer.Text(acq.Manufacturer, ShortText)),
            ManufacturerModelName = screen.Clean(TextSanitizer.Text(acq.ManufacturerModelName, ShortText)),
            SliceCount = Math.Clamp(acq.SliceCount, 0, 100_000),
            SliceThicknessMm = TextSanitizer.Number(acq.SliceThicknessMm, 3, 0, 1000),
            Kvp = TextSanitizer.Number(acq.KvP, 1, 0, 1000),
            Decision = DecisionNames.Json(result.Decision),
            FailureReason = screen.Clean(TextSanitizer.Text(result.FailureReason, ReasonText)),
            Models = result.Models.Take(MaxModels).Select(m => Model(m, screen)).ToList(),
            Timings = new SummaryPipelineTimings
            {
                CompletionMs = Ms(result.Timings.CompletionMs),
                QueueMs = Ms(result.Timings.QueueMs),
                AssemblyMs = Ms(result.Timings.AssemblyMs),
                InferenceMs = Ms(result.Timings.InferenceMs),
                TotalMs = Ms(result.Timings.TotalMs),
            },
            ExecutionProvider = TextSanitizer.Code(result.ExecutionProvider, 32, "unknown"),
        };
    }

    /// <summary>The alert that announces a suspicious summary: the same content under its own id.</summary>
    public static EdgeSummary AlertFor(EdgeSummary summary, Guid alertId)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new EdgeSummary
        {
            Kind = "alert",
            Id = alertId,
            SummaryId = summary.Id,
            SchemaVersion = summary.SchemaVersion,
            DeviceId = summary.DeviceId,
            SiteId = summary.SiteId,
            CreatedAt = summary.CreatedAt,
            StudyKey = summary.StudyKey,
            SeriesKey = summary.SeriesKey,
            Generation = summary.Generation,
            Modality = summary.Modality,
            Manufacturer = summary.Manufacturer,
            ManufacturerModelName = summary.ManufacturerModelName,
            SliceCount = summary.SliceCount,
            SliceThicknessMm = summary.SliceThicknessMm,
            Kvp = summary.Kvp,
            Decision = summary.Decision,
            FailureReason = summary.FailureReason,
            Models = summary.Models,
            Timings = summary.Timings,
            ExecutionProvider = summary.ExecutionProvider,
        };
    }

    /// <summary>
    /// The outbox entries for a result: its summary, and an alert ahead of it when the result is suspicious.
    /// Each payload is checked by the tripwire before it is handed out.
    /// </summary>
    public IReadOnlyList<OutboxEntry> BuildMessages(SeriesRecord series, ResultRecord result, TopicNames topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        EdgeSummary summary = Build(series, result);
        var screen = new PhiScreen(series);
        var messages = new List<OutboxEntry>(2);
        if (result.Decision == Decision.Suspicious)
        {
            EdgeSummary alert = AlertFor(summary, DeterministicAlertId(summary.Id));
            messages.Add(Entry(OutboxKind.Alert, topics.Alert, alert, result.Id, screen));
        }

        messages.Add(Entry(OutboxKind.Summary, topics.Summary, summary, result.Id, screen));
        return messages;
    }

    public static byte[] Serialize(EdgeSummary summary) =>
        JsonSerializer.SerializeToUtf8Bytes(summary, SyncJsonContext.Default.EdgeSummary);

    private static OutboxEntry Entry(OutboxKind kind, string topic, EdgeSummary document, Guid resultId, PhiScreen screen)
    {
        byte[] payload = Serialize(document);
        screen.AssertClean(payload);
        return new OutboxEntry
        {
            MessageId = document.Id,
            Kind = kind,
            Topic = topic,
            Payload = payload,
            ContentType = "application/json",
            SchemaVersion = SchemaVersion,
            ResultId = resultId,
        };
    }

    /// <summary>
    /// The alert's id is derived from the summary's, so rebuilding the messages for the same result (after a
    /// crash between build and commit) gives the same ids and consumers still de-duplicate.
    /// </summary>
    internal static Guid DeterministicAlertId(Guid summaryId)
    {
        Span<byte> bytes = stackalloc byte[16];
        summaryId.TryWriteBytes(bytes);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes, hash);

        // RFC 9562 version 8 (custom) with the RFC variant bits.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static SummaryModel Model(ModelResult m, PhiScreen screen) => new()
    {
        Id = Code(m.Id, screen, "model"),
        Version = Code(m.Version, screen, "0", VersionText),
        Sha256 = IsSha256(m.Sha256) ? m.Sha256 : new string('0', 64),
        Eligible = m.Eligible,
        Reason = screen.Clean(TextSanitizer.Text(m.Reason, ReasonText)),
        Probability = TextSanitizer.Number(m.Probability, 4, 0, 1),
        Threshold = TextSanitizer.Number(m.Threshold, 4, 0, 1),
        Decision = DecisionNames.Json(m.Decision),
        Findings = m.Findings.Take(MaxFindings).Select(f => Finding(f, screen)).ToList(),
        Timings = new SummaryModelTimings
        {
            PreprocessMs = Ms(m.Timings.PreprocessMs),
            InferenceMs = Ms(m.Timings.InferenceMs),
            PostprocessMs = Ms(m.Timings.PostprocessMs),
            TotalMs = Ms(m.Timings.TotalMs),
        },
    };

    private static SummaryFinding Finding(Finding f, PhiScreen screen) => new()
    {
        Label = Code(f.Label, screen, "finding"),
        Probability = TextSanitizer.Number(f.Probability, 4, 0, 1),
        VolumeMl = TextSanitizer.Number(f.VolumeMl, 3),
        MaxDiameterMm = TextSanitizer.Number(f.MaxDiameterMm, 2),
        Location = f.Location is null && f.CentroidLps is null ? null : new SummaryLocation
        {
            Region = f.Location is null ? null : Code(f.Location, screen, "unknown"),
            CentroidLps = f.CentroidLps is { Length: 3 } c && c.All(double.IsFinite)
                ? c.Select(v => Math.Round(v, 1, MidpointRounding.AwayFromZero)).ToArray()
                : null,
        },
    };

    private static string Code(string? value, PhiScreen screen, string fallback, int max = ShortText)
    {
        string code = TextSanitizer.Code(value, max, fallback);
        return screen.Taints(code) ? fallback : code;
    }

    private static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string Modality(string? modality)
    {
        string? m = modality?.Trim().ToUpperInvariant();
        return m is { Length: > 0 and <= 16 } && m.All(char.IsAsciiLetterOrDigit) ? m : "OT";
    }

    private static double? Ms(double? value) => TextSanitizer.Number(value, 1);

    /// <summary>UTC, millisecond precision, 'Z' suffix: the schema's timestamp pattern.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
