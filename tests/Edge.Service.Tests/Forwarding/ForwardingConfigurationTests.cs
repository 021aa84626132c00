using Edge.Service.Configuration;
using Edge.Service.Forwarding;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Tests.Forwarding;

/// <summary>Destinations, rules and retry settings: bound from <c>Destinations:N:*</c> and checked at start, every bad key named.</summary>
public sealed class ForwardingConfigurationTests
{
    private static ConfigurationReport Validate(out EdgeSettings? settings, params (string Key, string? Value)[] values) =>
        EdgeConfigurationValidator.Validate(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:Root", "/var/lib/edge-test"),
                .. values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))])
            .Build(), out settings);

    [Fact]
    public void A_pacs_and_a_results_only_second_ae_bind_into_the_rules()
    {
        ConfigurationReport report = Validate(out EdgeSettings? settings,
            ("Destinations:0:Name", "pacs"), ("Destinations:0:AeTitle", "PACS"), ("Destinations:0:Host", "10.0.0.5"), ("Destinations:0:Port", "104"),
            ("Destinations:1:Name", "ai-archive"), ("Destinations:1:AeTitle", "AIARCH"), ("Destinations:1:Host", "ai.local"),
            ("Destinations:1:Port", "11112"), ("Destinations:1:CallingAeTitle", "EDGE_AI"), ("Destinations:1:Send", "results"),
            ("Destinations:2:Name", "off"), ("Destinations:2:AeTitle", "OFF"), ("Destinations:2:Host", "x"), ("Destinations:2:Enabled", "false"),
            ("Reporting:ReportNegative", "false"), ("Device:Id", "ct-room-1"));

        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        var plan = new ForwardingPlan(settings!);
        Assert.Equal(["pacs"], plan.Originals.Select(d => d.Name));
        Assert.Equal(["pacs", "ai-archive"], plan.Results.Select(d => d.Name));
        Assert.Equal(2, plan.Destinations.Count);
        Assert.Equal("EDGE_AI", settings!.Destinations[1].CallingAeTitle);
        Assert.False(settings.Reporting.ReportNegative);
        Assert.Equal("ct-room-1", settings.Reporting.DeviceId);
        Assert.Equal("/var/lib/edge-test/results", settings.ResultObjectsRoot);
    }

    [Fact]
    public void No_destinations_is_valid_and_forwards_nothing()
    {
        ConfigurationReport report = Validate(out EdgeSettings? settings);

        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        Assert.False(new ForwardingPlan(settings!).ForwardsOriginals);
        Assert.Empty(new ForwardingPlan(settings!).Results);
    }

    [Fact]
    public void Every_bad_destination_and_retry_key_is_reported_at_once_by_name()
    {
        ConfigurationReport report = Validate(out EdgeSettings? settings,
            ("Destinations:0:Name", "pacs"), ("Destinations:0:AeTitle", "A-TITLE-FAR-TOO-LONG"), ("Destinations:0:Host", ""), ("Destinations:0:Port", "0"),
            ("Destinations:1:Name", "PACS"), ("Destinations:1:AeTitle", "B"), ("Destinations:1:Host", "h"), ("Destinations:1:Port", "abc"),
            ("Destinations:1:Send", "everything"), ("Destinations:1:CallingAeTitle", "BAD\\AE"), ("Destinations:1:Prot", "104"),
            ("Destinations:2:Name", "a b"), ("Destinations:2:AeTitle", "C"), ("Destinations:2:Host", "h"),
            ("Forwarding:RetryBaseSeconds", "0"), ("Forwarding:RetryMaxSeconds", "100000"), ("Forwarding:MaxAttempts", "0"),
            ("Forwarding:BatchSize", "5000"), ("Forwarding:BatchWindowMilliseconds", "-1"));

        Assert.Null(settings);
        string errors = string.Join("\n", report.Errors);
        foreach (string key in new[]
        {
            "Destinations:0:AeTitle", "Destinations:0:Host", "Destinations:0:Port", "Destinations:1:Name", "Destinations:1:Port",
            "Destinations:1:Send", "Destinations:1:CallingAeTitle", "Destinations:2:Name", "Forwarding:RetryBaseSeconds",
            "Forwarding:RetryMaxSeconds", "Forwarding:MaxAttempts", "Forwarding:BatchSize", "Forwarding:BatchWindowMilliseconds",
        })
        {
            Assert.Contains(report.Errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
        }

        Assert.Contains("'PACS' names two destinations", errors, StringComparison.Ordinal);
        Assert.Contains(report.Warnings, w => w.StartsWith("Destinations:1:Prot:", StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_up_to_the_cap()
    {
        var options = new ForwardingOptions { RetryBaseSeconds = 5, RetryMaxSeconds = 300 };

        Assert.Equal([0, 5, 10, 20, 40, 80, 160, 300, 300], Enumerable.Range(0, 9).Select(n => ForwardingBackoff.Delay(n, options).TotalSeconds));
        Assert.Equal(300, ForwardingBackoff.Delay(int.MaxValue, options).TotalSeconds);
    }
}
