using Edge.Sync.Options;
using Edge.Tests.Support;

namespace Edge.Sync.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Mqtt_validator_reports_every_bad_key_with_its_value()
    {
        var options = new MqttOptions
        {
            Host = "bad host",
            Port = 70000,
            KeepAliveSeconds = 1,
            ReconnectMinDelaySeconds = 10,
            ReconnectMaxDelaySeconds = 5,
            PasswordFile = "/nonexistent/pw",
            TopicPrefix = "edge/#",
            Tls = new MqttTlsOptions { Enabled = true, CertFile = "/nonexistent/c.pem" },
            Outbox = new MqttOutboxOptions { MaxPending = 0 },
        };

        List<string> errors = MqttOptionsValidator.Collect(options);

        Assert.Contains("Mqtt:Port: must be 1-65535 (was 70000)", errors);
        Assert.Contains("Mqtt:Host: must be a host name or address (was 'bad host')", errors);
        Assert.Contains("Mqtt:KeepAliveSeconds: must be 5-65535 (was 1)", errors);
        Assert.Contains("Mqtt:ReconnectMaxDelaySeconds: must be at least Mqtt:ReconnectMinDelaySeconds (was 5)", errors);
        Assert.Contains("Mqtt:PasswordFile: file not found (was '/nonexistent/pw')", errors);
        Assert.Contains("Mqtt:UsernameFile: is required when Mqtt:PasswordFile is set", errors);
        Assert.Contains(errors, e => e.StartsWith("Mqtt:TopicPrefix:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Mqtt:Tls:CaFile: is required", StringComparison.Ordinal));
        Assert.Contains("Mqtt:Tls:CertFile: file not found (was '/nonexistent/c.pem')", errors);
        Assert.Contains("Mqtt:Tls:KeyFile: Mqtt:Tls:CertFile and Mqtt:Tls:KeyFile must be set together", errors);
        Assert.Contains("Mqtt:Outbox:MaxPending: must be 1-1000000 (was 0)", errors);
        Assert.Empty(MqttOptionsValidator.Collect(new MqttOptions()));
        Assert.Equal(1883, new MqttOptions().EffectivePort);
        Assert.Equal(8883, new MqttOptions { Tls = new MqttTlsOptions { Enabled = true } }.EffectivePort);
    }

    [Fact]
    public void Device_validator_rejects_topic_breaking_ids_and_never_echoes_a_secret()
    {
        var options = new DeviceOptions { Id = "ct/1", Site = "+", HmacSecret = "short-secret-value" };

        List<string> errors = new DeviceOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains("Device:Id: must be 1-64 of A-Z a-z 0-9 . _ - (was 'ct/1')", errors);
        Assert.Contains("Device:Site: must be 1-64 of A-Z a-z 0-9 . _ - (was '+')", errors);
        Assert.Contains($"Device:HmacSecret: must be at least {DeviceSecret.MinimumLength} characters (was 18)", errors);
        Assert.DoesNotContain(errors, e => e.Contains("short-secret-value", StringComparison.Ordinal));
        Assert.Empty(DeviceOptionsValidator.Collect(new DeviceOptions()));
    }

    [Fact]
    public void Device_secret_is_generated_once_with_owner_only_permissions_and_reused()
    {
        using var dir = new TempDirectory("device-secret");
        string path = dir.File("secret/device.key");

        DeviceSecret first = DeviceSecret.Load(new DeviceOptions(), path);
        DeviceSecret second = DeviceSecret.Load(new DeviceOptions(), path);

        Assert.Equal(first.KeyOf("1.2.3"), second.KeyOf("1.2.3"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(64, File.ReadAllText(path).Trim().Length);
    }

    [Fact]
    public void Topics_follow_the_documented_layout()
    {
        var topics = new TopicNames("edge/v1", "clinic-a", "ct-1");

        Assert.Equal("edge/v1/clinic-a/ct-1/summary", topics.Summary);
        Assert.Equal("edge/v1/clinic-a/ct-1/alert", topics.Alert);
        Assert.Equal("edge/v1/clinic-a/ct-1/status", topics.Status);
        Assert.Equal("edge/v1/clinic-a/ct-1/heartbeat", topics.Heartbeat);
        Assert.Equal("edge/v1/+/+/#", TopicNames.AllDevices("edge/v1"));
        Assert.False(TopicNames.IsValidLevel(".."));
        Assert.False(TopicNames.IsValidLevel(new string('a', 65)));
        Assert.Throws<ArgumentException>(() => new TopicNames("edge/v1", "a#", "b"));
    }
}
