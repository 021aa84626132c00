using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Tests.Configuration;

/// <summary>The one validator edge-service and <c>edgectl config validate</c> share.</summary>
public sealed class ConfigurationValidatorTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_alone_are_valid_and_put_everything_under_the_data_root()
    {
        ConfigurationReport report = EdgeConfigurationValidator.Validate(Config(("Storage:Root", "/var/lib/edge-test")), out EdgeSettings? settings);

        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        Assert.NotNull(settings);
        Assert.Equal(11112, settings.Dicom.Port);
        Assert.Equal("EDGE", settings.Dicom.AeTitle);
        Assert.Equal("/var/lib/edge-test/incoming", settings.Dicom.StorageRoot);
        Assert.Equal("/var/lib/edge-test/edge.db", settings.Store.Path);
        Assert.Equal("/var/lib/edge-test/device-secret", settings.SecretPath);
        Assert.Equal(24, settings.Storage.KeepReceivedHours);
    }

    [Fact]
    public void Every_error_is_reported_at_once_each_naming_its_key()
    {
        ConfigurationReport report = EdgeConfigurationValidator.Validate(Config(
            ("Dicom:Port", "70000"),
            ("Dicom:AeTitle", "AN-AE-TITLE-FAR-TOO-LONG"),
            ("Storage:Root", ""),
            ("Mqtt:Host", "bad host/name"),
            ("Mqtt:Port", "1883a"),
            ("Control:Socket", "/tmp/" + new string('s', 120)),
            ("Device:Id", "ct/1"),
            ("Device:Site", "#"),
            ("Completion:QuietTime", "-00:00:05"),
            ("Inference:ExecutionProviders:0", "OpenVINO"),
            ("Pipeline:InferenceStallSeconds", "1")));

        Assert.False(report.IsValid);
        string all = string.Join("\n", report.Errors);
        Assert.Contains("Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)", report.Errors);
        foreach (string key in new[]
        {
            "Dicom:AeTitle", "Storage:Root", "Mqtt:Host", "Mqtt:Port", "Control:Socket", "Device:Id", "Device:Site", "Completion:QuietTime",
            "Inference:ExecutionProviders:0", "Pipeline:InferenceStallSeconds",
        })
        {
            Assert.True(report.Errors.Any(e => e.StartsWith(key, StringComparison.Ordinal)), $"{key} missing from:\n{all}");
        }

        Assert.True(report.Errors.Count == 11, all);
        Assert.Contains("Mqtt:Port: must be a whole number (was '1883a')", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_type_are_errors_and_do_not_hide_the_others()
    {
        ConfigurationReport report = EdgeConfigurationValidator.Validate(Config(
            ("Storage:Root", "/data"),
            ("Dicom:Port", "eleven"),
            ("Dicom:DuplicatePolicy", "Sometimes"),
            ("Pipeline:WarmUp", "maybe"),
            ("Completion:QuietTime", "soon"),
            ("Device:Id", "bad id")));

        Assert.Equal(
        [
            "Completion:QuietTime: must be a duration such as 00:00:10 (was 'soon')",
            "Device:Id: must be 1-64 of A-Z a-z 0-9 . _ - (was 'bad id')",
            "Dicom:DuplicatePolicy: must be one of Overwrite, KeepFirst, Reject (was 'Sometimes')",
            "Dicom:Port: must be a whole number (was 'eleven')",
            "Pipeline:WarmUp: must be true or false (was 'maybe')",
        ], report.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_keys_in_known_sections_are_warnings()
    {
        ConfigurationReport report = EdgeConfigurationValidator.Validate(Config(("Storage:Root", "/data"), ("Dicom:Prot", "104"), ("Mqtt:Tls:CaFiel", "/x")));

        Assert.True(report.IsValid);
        Assert.Equal(["Dicom:Prot: unknown key, ignored", "Mqtt:Tls:CaFiel: unknown key, ignored"], report.Warnings);
    }

    [Fact]
    public void Explicit_paths_win_over_the_ones_derived_from_the_data_root()
    {
        ConfigurationReport report = EdgeConfigurationValidator.Validate(Config(
            ("Storage:Root", "/data"), ("Dicom:StorageRoot", "/fast/incoming"), ("Store:Path", "/db/edge.db"), ("Control:Socket", "/run/x.sock")),
            out EdgeSettings? settings);

        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        Assert.Equal("/fast/incoming", settings!.Dicom.StorageRoot);
        Assert.Equal("/db/edge.db", settings.Store.Path);
        Assert.Equal("/run/x.sock", settings.ControlSocket);
    }

    [Fact]
    public void Sources_layer_site_file_then_environment_then_command_line()
    {
        using var dir = new TempDirectory("edge-config");
        string site = dir.File("edge.json");
        File.WriteAllText(site, """{ "Dicom": { "Port": 104, "AeTitle": "SITE" }, "Device": { "Id": "from-file" } }""");
        string variable = "EDGE_Device__Site";
        string? before = Environment.GetEnvironmentVariable(variable);
        try
        {
            // A key only this test uses, so parallel tests cannot see or disturb it.
            Environment.SetEnvironmentVariable(variable, "from-env");
            IConfigurationRoot config = EdgeConfiguration.Build(["--Dicom:AeTitle", "FROM_ARGS"], site);

            Assert.Equal("104", config["Dicom:Port"]);
            Assert.Equal("FROM_ARGS", config["Dicom:AeTitle"]);
            Assert.Equal("from-file", config["Device:Id"]);
            Assert.Equal("from-env", config["Device:Site"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
