using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Store.Documents;
using Edge.Sync.Messages;
using Edge.Sync.Schema;
using Edge.Sync.Summaries;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;

namespace Edge.Sync.Tests;

public sealed class SummaryBuilderTests
{
    private const string Secret = "a-per-device-secret-of-sufficient-length-0001";
    private readonly SummaryBuilder _builder = new(DeviceSecret.FromText(Secret, "test"), "ct-1", "clinic-a");
    private readonly TopicNames _topics = new("edge/v1", "clinic-a", "ct-1");

    private static ResultRecord Result(Decision decision) => new()
    {
        Id = Guid.NewGuid(),
        SeriesInstanceUid = PhiSeries.SeriesUid,
        StudyInstanceUid = PhiSeries.StudyUid,
        CreatedAt = new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)),
        Decision = decision,
        ExecutionProvider = "CUDA",
        Models =
        [
            new ModelResult
            {
                Id = "pancreas-screen", Version = "1.2.0+build.7", Sha256 = new string('b', 64), Eligible = true,
                Probability = 0.987654321, Threshold = 0.5, Decision = decision,
                Findings = [new Finding { Label = "lesion", Probability = 0.9, VolumeMl = 3.14159, MaxDiameterMm = 18.777, Location = "head", CentroidLps = [1.26, 2, double.NaN] }],
                Timings = new ModelTimings { PreprocessMs = 1.234, InferenceMs = double.PositiveInfinity, TotalMs = 9 },
            },
        ],
        Timings = new PipelineTimings { TotalMs = 12345.678 },
    };

    [Fact]
    public void Summary_carries_the_allow_listed_fields_with_pseudonymous_keys()
    {
        ResultRecord result = Result(Decision.Suspicious);
        EdgeSummary s = _builder.Build(PhiSeries.Create(), result);

        Assert.Equal("summary", s.Kind);
        Assert.Equal(result.Id, s.Id);
        Assert.Equal("1", s.SchemaVersion);
        Assert.Equal("2031-05-06T05:08:09.123Z", s.CreatedAt);
        Assert.Equal(Hmac(PhiSeries.StudyUid), s.StudyKey);
        Assert.Equal(Hmac(PhiSeries.SeriesUid), s.SeriesKey);
        Assert.Equal("CT", s.Modality);
        Assert.Equal(312, s.SliceCount);
        Assert.Equal(1.25, s.SliceThicknessMm);
        Assert.Equal(120, s.Kvp);
        Assert.Equal("suspicious", s.Decision);
        Assert.Equal("CUDA", s.ExecutionProvider);
        SummaryModel m = Assert.Single(s.Models);
        Assert.Equal("1.2.0_build.7", m.Version);
        Assert.Equal(0.9877, m.Probability);
        Assert.Null(m.Timings.InferenceMs);
        SummaryFinding f = Assert.Single(m.Findings);
        Assert.Equal(3.142, f.VolumeMl);
        Assert.Equal("head", f.Location!.Region);
        Assert.Null(f.Location.CentroidLps);
    }

    [Fact]
    public void Keys_correlate_repeats_on_one_device_but_not_across_devices()
    {
        var other = new SummaryBuilder(DeviceSecret.FromText("another-device-secret-of-enough-length-02", "t"), "ct-2", "clinic-a");

        EdgeSummary a = _builder.Build(PhiSeries.Create(), Result(Decision.Negative));
        EdgeSummary b = _builder.Build(PhiSeries.Create(), Result(Decision.Negative));
        EdgeSummary c = other.Build(PhiSeries.Create(), Result(Decision.Negative));

        Assert.Equal(a.StudyKey, b.StudyKey);
        Assert.Equal(a.SeriesKey, b.SeriesKey);
        Assert.NotEqual(a.StudyKey, a.SeriesKey);
        Assert.NotEqual(a.StudyKey, c.StudyKey);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public void Free_text_that_carries_an_identifier_is_blanked_and_no_identifier_reaches_the_payload()
    {
        foreach (Decision decision in Enum.GetValues<Decision>())
        {
            ResultRecord result = Result(decision);
            PhiSeries.Taint(result);

            IReadOnlyList<OutboxEntry> messages = _builder.BuildMessages(PhiSeries.Create(), result, _topics);

            foreach (OutboxEntry message in messages)
            {
                Assert.Empty(PhiSeries.FindIn(message.Payload));
                EdgeSummary parsed = JsonSerializer.Deserialize<EdgeSummary>(message.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
                Assert.Null(parsed.Manufacturer);
                Assert.Null(parsed.ManufacturerModelName);
                Assert.Null(parsed.FailureReason);
                Assert.All(parsed.Models, m => Assert.Null(m.Reason));
                Assert.All(parsed.Models.SelectMany(m => m.Findings), f => Assert.Equal("finding", f.Label));
            }
        }
    }

    [Fact]
    public void Tripwire_withholds_a_payload_that_would_carry_an_identifier()
    {
        var screen = new PhiScreen(PhiSeries.Create());

        Assert.Throws<PhiLeakException>(() => screen.AssertClean(Encoding.UTF8.GetBytes($"{{\"x\":\"{PhiSeries.Accession}\"}}")));
        Assert.Throws<PhiLeakException>(() => screen.AssertClean(Encoding.UTF8.GetBytes($"{{\"x\":\"{PhiSeries.SeriesUid}\"}}")));
        Assert.Throws<PhiLeakException>(() => screen.AssertClean(Encoding.UTF8.GetBytes("{\"x\":\"on 19470219\"}")));

        // A computed number equal to a date is not that date.
        screen.AssertClean(Encoding.UTF8.GetBytes("{\"totalMs\":19470219,\"q\":[19990817.5]}"));
    }

    [Fact]
    public void Suspicious_results_yield_an_alert_ahead_of_the_summary_with_a_stable_id()
    {
        ResultRecord result = Result(Decision.Suspicious);

        IReadOnlyList<OutboxEntry> first = _builder.BuildMessages(PhiSeries.Create(), result, _topics);
        IReadOnlyList<OutboxEntry> again = _builder.BuildMessages(PhiSeries.Create(), result, _topics);

        Assert.Equal([OutboxKind.Alert, OutboxKind.Summary], first.Select(m => m.Kind));
        Assert.Equal("edge/v1/clinic-a/ct-1/alert", first[0].Topic);
        Assert.Equal(result.Id, first[1].MessageId);
        Assert.Equal(first[0].MessageId, again[0].MessageId);
        Assert.NotEqual(result.Id, first[0].MessageId);
        using JsonDocument alert = JsonDocument.Parse(first[0].Payload);
        Assert.Equal("alert", alert.RootElement.GetProperty("kind").GetString());
        Assert.Equal(result.Id.ToString(), alert.RootElement.GetProperty("summaryId").GetString());
        Assert.Single(_builder.BuildMessages(PhiSeries.Create(), Result(Decision.Negative), _topics));
    }

    [Fact]
    public void Every_kind_of_summary_passes_the_committed_schema()
    {
        foreach (Decision decision in Enum.GetValues<Decision>())
        {
            foreach (OutboxEntry message in _builder.BuildMessages(PhiSeries.Create(), Result(decision), _topics))
            {
                Assert.Empty(SummarySchema.Validator.Validate(message.Payload));
            }
        }

        // Degenerate input still yields a valid document.
        var empty = new ResultRecord { Id = Guid.NewGuid(), Decision = Decision.Failed, FailureReason = "no\u0000pixels\u00e9" };
        Assert.Empty(SummarySchema.Validator.Validate(SummaryBuilder.Serialize(_builder.Build(new SeriesRecord(), empty))));
    }

    [Fact]
    public void Python_jsonschema_agrees_that_summaries_are_valid()
    {
        using var dir = new TempDirectory("schema-check");
        string schemaFile = dir.File("schema.json");
        File.WriteAllText(schemaFile, SummarySchema.Json);
        var files = new List<string>();
        int n = 0;
        foreach (Decision decision in Enum.GetValues<Decision>())
        {
            foreach (OutboxEntry message in _builder.BuildMessages(PhiSeries.Create(), Result(decision), _topics))
            {
                string file = dir.File($"doc{n++}.json");
                File.WriteAllBytes(file, message.Payload);
                files.Add(file);
            }
        }

        string bad = dir.File("bad.json");
        File.WriteAllText(bad, "{\"kind\":\"summary\"}");
        const string Script = """
            import json, sys
            from jsonschema import Draft202012Validator, FormatChecker
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            v = Draft202012Validator(schema, format_checker=FormatChecker())
            for path in sys.argv[2:]:
                errors = list(v.iter_errors(json.load(open(path))))
                print(path.rsplit('/', 1)[-1], 'ok' if not errors else 'invalid: ' + errors[0].message)
            """;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(schemaFile);
        files.ForEach(info.ArgumentList.Add);
        info.ArgumentList.Add(bad);
        using Process python = Process.Start(info)!;
        string output = python.StandardOutput.ReadToEnd();
        string errors = python.StandardError.ReadToEnd();
        python.WaitForExit();

        Assert.True(python.ExitCode == 0, "python3-jsonschema is required (Debian package python3-jsonschema): " + errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count + 1, lines.Length);
        Assert.All(lines[..^1], l => Assert.EndsWith(" ok", l, StringComparison.Ordinal));
        Assert.StartsWith("bad.json invalid", lines[^1], StringComparison.Ordinal);
    }

    private static string Hmac(string uid) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(uid)));
}
