using System.Text.Json.Nodes;
using Edge.Cli.Commands.Field;
using Edge.Service.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.Field;

public sealed class ProvisionTests : IDisposable
{
    private readonly TempDirectory _temp = new("edge-provision");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero));

    public ProvisionTests()
    {
        Directory.CreateDirectory(_temp.File("etc"));
        File.Copy(Path.Combine(Checkout.FirmwareConfig, "edge.json"), ConfigPath);
        Pki = PemPair.Create(_temp.File("pki"));
    }

    private string ConfigPath => _temp.File("etc/edge.json");

    private string DropIn => _temp.File("systemd/edge.service.d/50-profile.conf");

    private PemPair Pki { get; }

    private ProvisionRequest Full => new()
    {
        ConfigPath = ConfigPath,
        DropInPath = DropIn,
        DeviceId = "ct-1",
        Site = "clinic-a",
        AeTitle = "EDGE_CT1",
        Port = 11104,
        AllowedModalities = ["CT1@10.0.0.5", "CT2"],
        Pacs = "PACS@10.0.0.20:104",
        MqttHost = "broker.example.org",
        MqttCaFile = Pki.CaFile,
        MqttCertFile = Pki.CertFile,
        MqttKeyFile = Pki.KeyFile,
        Profile = "jetson-orin-nano",
    };

    private int Run(ProvisionRequest request, IProvisionPrompter? prompter = null) =>
        new Provisioner(_output, _error, _time, Checkout.Profiles).Run(request, prompter);

    [Fact]
    public void All_by_flags_writes_a_valid_configuration_the_secret_the_certificates_and_the_drop_in()
    {
        byte[] before = File.ReadAllBytes(ConfigPath);
        Assert.Equal(0, Run(Full));
        Assert.Equal(string.Empty, _error.ToString());

        JsonObject config = JsonConfig.Load(ConfigPath);
        Assert.Equal("ct-1", JsonConfig.GetString(config, "Device:Id"));
        Assert.Equal("clinic-a", JsonConfig.GetString(config, "Device:Site"));
        Assert.Equal("EDGE_CT1", JsonConfig.GetString(config, "Dicom:AeTitle"));
        Assert.Equal("11104", JsonConfig.GetString(config, "Dicom:Port"));
        Assert.Equal("""["CT1@10.0.0.5","CT2"]""", JsonConfig.Get(config, "Dicom:AllowedCallingAeTitles")!.ToJsonString());
        Assert.Equal("PACS", JsonConfig.GetString(config, "Destinations:0:AeTitle"));
        Assert.Equal("10.0.0.20", JsonConfig.GetString(config, "Destinations:0:Host"));
        Assert.Equal("104", JsonConfig.GetString(config, "Destinations:0:Port"));
        Assert.Equal("broker.example.org", JsonConfig.GetString(config, "Mqtt:Host"));
        Assert.Equal("clinic-a/ct-1", JsonConfig.GetString(config, "Mqtt:ClientId"));
        Assert.True(JsonConfig.Get(config, "Mqtt:Tls:Enabled")!.GetValue<bool>());

        // The profile's settings are merged in; keys the profile does not name keep the default file's values.
        Assert.Equal("4", JsonConfig.GetString(config, "Inference:IntraOpThreads"));
        Assert.Equal("536870912", JsonConfig.GetString(config, "Inference:TensorRt:WorkspaceBytes"));
        Assert.Equal("/var/cache/edge/tensorrt", JsonConfig.GetString(config, "Inference:TensorRt:CacheDirectory"));
        Assert.Null(JsonConfig.Get(config, "Profile"));

        // Certificates are copied beside the configuration (systemd's ProtectHome hides /root and /home); the key is 0600.
        string tls = _temp.File("etc/mqtt");
        Assert.Equal(Path.Combine(tls, "client.key"), JsonConfig.GetString(config, "Mqtt:Tls:KeyFile"));
        Assert.Equal(File.ReadAllText(Pki.KeyFile), File.ReadAllText(Path.Combine(tls, "client.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(tls, "client.key")));
        Assert.Equal(File.ReadAllText(Pki.CaFile), File.ReadAllText(Path.Combine(tls, "ca.pem")));

        // A 256-bit secret in a 0600 file the configuration names.
        string secretFile = JsonConfig.GetString(config, "Device:HmacSecretFile")!;
        Assert.Equal(_temp.File("etc/hmac-secret"), secretFile);
        Assert.Matches("^[0-9a-f]{64}\n$", File.ReadAllText(secretFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));

        // The old file is kept, byte for byte; no temporary file is left behind.
        Assert.Equal(before, File.ReadAllBytes(ConfigPath + ".bak-20260506T070809Z"));
        Assert.Empty(Directory.GetFiles(_temp.File("etc"), "*.tmp"));

        // The same validator edge-service runs at start accepts the result.
        ConfigurationReport report = EdgeConfigurationValidator.Validate(EdgeConfiguration.FromFile(ConfigPath), out _, forService: false);
        Assert.True(report.IsValid, string.Join("\n", report.Errors));

        string dropIn = File.ReadAllText(DropIn);
        Assert.Contains("[Service]\nMemoryMax=5G\n", dropIn, StringComparison.Ordinal);
        Assert.Contains("Environment=DOTNET_GCHeapHardLimitPercent=0x28\n", dropIn, StringComparison.Ordinal);
        Assert.Contains("device profile jetson-orin-nano", dropIn, StringComparison.Ordinal);
        Assert.Contains("Provisioned clinic-a/ct-1", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Provisioning_again_keeps_the_secret_unless_asked_and_keeps_ten_backups()
    {
        Assert.Equal(0, Run(Full));
        string secret = File.ReadAllText(_temp.File("etc/hmac-secret"));
        for (int i = 0; i < 11; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(0, Run(new ProvisionRequest { ConfigPath = ConfigPath, DropInPath = DropIn, AeTitle = $"EDGE{i}" }));
        }

        Assert.Equal(secret, File.ReadAllText(_temp.File("etc/hmac-secret")));
        Assert.Equal("EDGE10", JsonConfig.GetString(JsonConfig.Load(ConfigPath), "Dicom:AeTitle"));
        Assert.Equal("ct-1", JsonConfig.GetString(JsonConfig.Load(ConfigPath), "Device:Id"));
        Assert.Equal(FileBackup.BackupsKept, Directory.GetFiles(_temp.File("etc"), "edge.json.bak-*").Length);

        Assert.Equal(0, Run(new ProvisionRequest { ConfigPath = ConfigPath, DropInPath = DropIn, NewSecret = true }));
        Assert.NotEqual(secret, File.ReadAllText(_temp.File("etc/hmac-secret")));
        Assert.Contains("REPLACED", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_flags_are_all_reported_and_nothing_is_written()
    {
        byte[] before = File.ReadAllBytes(ConfigPath);
        int code = Run(Full with { DeviceId = "ct/1", Port = 70000, Pacs = "PACS@host", AllowedModalities = ["THIS-AE-TITLE-IS-TOO-LONG"], Profile = "no-such-box" });
        Assert.Equal(2, code);
        string errors = _error.ToString();
        Assert.Contains("--device-id: device id must be 1-64 of A-Z a-z 0-9 . _ - (was 'ct/1')", errors, StringComparison.Ordinal);
        Assert.Contains("--port: port must be 1-65535 (was '70000')", errors, StringComparison.Ordinal);
        Assert.Contains("--pacs: must be AE@host:port", errors, StringComparison.Ordinal);
        Assert.Contains("--allow: 'THIS-AE-TITLE-IS-TOO-LONG'", errors, StringComparison.Ordinal);
        Assert.Contains("--profile: no device profile 'no-such-box'", errors, StringComparison.Ordinal);
        Assert.Contains("jetson-orin-nano", errors, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(ConfigPath));
        Assert.False(File.Exists(_temp.File("etc/hmac-secret")));
        Assert.False(File.Exists(DropIn));
    }

    [Fact]
    public void An_unprovisioned_box_needs_an_identity()
    {
        Assert.Equal(2, Run(new ProvisionRequest { ConfigPath = ConfigPath, DropInPath = DropIn }));
        Assert.Contains("--device-id: is required", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--site: is required", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_the_validator_refuses_leaves_the_file_alone()
    {
        // A hand edit the service would refuse (a number that is not one) must not be carried into a new file silently.
        JsonObject broken = JsonConfig.Load(ConfigPath);
        JsonConfig.Set(broken, "Storage:KeepReceivedHours", "lots");
        File.WriteAllBytes(ConfigPath, JsonConfig.Serialize(broken));
        byte[] before = File.ReadAllBytes(ConfigPath);

        Assert.Equal(1, Run(Full with { MqttCaFile = null, MqttCertFile = null, MqttKeyFile = null, MqttHost = "none" }));
        Assert.Contains("Storage:KeepReceivedHours: must be a number (was 'lots')", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(ConfigPath));
        Assert.Empty(Directory.GetFiles(_temp.File("etc"), "*.tmp"));
        Assert.Empty(Directory.GetFiles(_temp.File("etc"), "edge.json.bak-*"));
        Assert.False(File.Exists(_temp.File("etc/hmac-secret")), "a refused run must not leave a new secret behind");
    }

    [Fact]
    public void A_certificate_and_a_key_that_do_not_belong_together_are_refused_before_anything_is_replaced()
    {
        PemPair other = PemPair.Create(_temp.File("other"));
        byte[] before = File.ReadAllBytes(ConfigPath);
        Assert.Equal(2, Run(Full with { MqttKeyFile = other.KeyFile }));
        Assert.Contains("--mqtt-key: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not the private key of", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(ConfigPath));
        Assert.False(File.Exists(_temp.File("etc/mqtt/ca.pem")), "a refused run must not leave copied certificates behind");
    }

    [Fact]
    public void On_a_terminal_it_asks_for_what_the_flags_leave_out_with_the_current_values_as_defaults()
    {
        var prompter = new ScriptedPrompter(
            "ct-9",            // device id
            "clinic-b",        // site
            string.Empty,      // AE title: keep EDGE
            "11112",           // port
            "CT1@10.1.1.1",    // modalities
            string.Empty,      // PACS: none
            string.Empty,      // broker: none
            "cpu-only");       // profile
        Assert.Equal(0, Run(new ProvisionRequest { ConfigPath = ConfigPath, DropInPath = DropIn }, prompter));
        JsonObject config = JsonConfig.Load(ConfigPath);
        Assert.Equal("ct-9", JsonConfig.GetString(config, "Device:Id"));
        Assert.Equal("EDGE", JsonConfig.GetString(config, "Dicom:AeTitle"));
        Assert.Equal("11112", JsonConfig.GetString(config, "Dicom:Port"));
        Assert.Equal(string.Empty, JsonConfig.GetString(config, "Mqtt:Host"));
        Assert.Null(JsonConfig.Get(config, "Destinations"));
        Assert.Equal("""["CPU"]""", JsonConfig.Get(config, "Inference:ExecutionProviders")!.ToJsonString());
        Assert.Contains("MemoryMax=6G", File.ReadAllText(DropIn), StringComparison.Ordinal);
        Assert.Equal(8, prompter.Questions.Count);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}
