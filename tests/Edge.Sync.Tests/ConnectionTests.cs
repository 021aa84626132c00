using Edge.Store.Documents;
using Edge.Sync.Fleet;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;

namespace Edge.Sync.Tests;

/// <summary>Credentials, mutual TLS with a private CA, and the last will, against a real mosquitto.</summary>
public sealed class ConnectionTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new("sync-connection");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Bad_credentials_give_a_clear_error_and_retries_until_the_file_is_fixed()
    {
        const string Password = "Pa55-w0rd-never-logged";
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Credentials = ("edge-ct-1", Password) });
        string userFile = _dir.File("mqtt-user");
        string passwordFile = _dir.File("mqtt-password");
        File.WriteAllText(userFile, "edge-ct-1\n");
        File.WriteAllText(passwordFile, "wrong-" + Password + "\n");
        await using var edge = new SyncHarness(_dir, broker.Port, o =>
        {
            o.UsernameFile = userFile;
            o.PasswordFile = passwordFile;
        });

        await DeliveryTests.WaitUntil(() => edge.Runtime.Health.ConnectFailures >= 3, "three refused attempts");
        Assert.False(edge.Runtime.Connection.IsConnected);
        Assert.True(edge.Logs.All.Contains("broker refused", StringComparison.Ordinal), edge.Logs.All);
        Assert.True(edge.Logs.All.Contains("Mqtt:PasswordFile", StringComparison.Ordinal), edge.Logs.All);

        // Rotating the file is enough: it is read at every attempt.
        File.WriteAllText(passwordFile, Password + "\n");
        await edge.WaitConnectedAsync();
        edge.Process(Decision.Negative);
        await DeliveryTests.WaitUntil(() => edge.Store.GetOutboxStats().Pending == 0, "delivery after the fix");

        Assert.DoesNotContain(Password, edge.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("edge-ct-1\n", edge.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutual_tls_with_the_private_ca_delivers_to_a_tls_fleet_watcher()
    {
        var pki = new TestPki(_dir.Path);
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Tls = (pki.CaFile, pki.ServerCertFile, pki.ServerKeyFile) });
        using var watcher = new FleetWatcher(new FleetWatchOptions
        {
            Host = "localhost", Port = broker.Port, Tls = true, CaFile = pki.CaFile, CertFile = pki.ClientCertFile, KeyFile = pki.ClientKeyFile,
        });
        await watcher.ConnectAsync(CancellationToken.None);
        await using var edge = new SyncHarness(_dir, broker.Port, o =>
        {
            o.Host = "localhost";
            o.Tls = new Options.MqttTlsOptions { Enabled = true, CaFile = pki.CaFile, CertFile = pki.ClientCertFile, KeyFile = pki.ClientKeyFile };
        });
        await edge.WaitConnectedAsync();

        ResultRecord result = edge.Process(Decision.Suspicious);

        using var timeout = new CancellationTokenSource(Wait);
        var kinds = new List<FleetMessageKind>();
        while (!kinds.Contains(FleetMessageKind.Summary))
        {
            FleetEvent e = await watcher.Events.ReadAsync(timeout.Token);
            kinds.Add(e.Kind);
            Assert.True(e.IsValid, string.Join("; ", e.Errors));
            if (e.Kind == FleetMessageKind.Summary)
            {
                Assert.Equal(result.Id, e.Id);
            }
        }

        Assert.Equal([FleetMessageKind.Status, FleetMessageKind.Alert, FleetMessageKind.Summary], kinds.Where(k => k != FleetMessageKind.Heartbeat));
    }

    [Fact]
    public async Task A_broker_certificate_from_another_ca_is_refused_with_a_clear_reason()
    {
        var pki = new TestPki(_dir.Path);
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Tls = (pki.CaFile, pki.RogueServerCertFile, pki.RogueServerKeyFile) });
        await using var edge = new SyncHarness(_dir, broker.Port, o =>
        {
            o.Host = "localhost";
            o.Tls = new Options.MqttTlsOptions { Enabled = true, CaFile = pki.CaFile, CertFile = pki.ClientCertFile, KeyFile = pki.ClientKeyFile };
        });

        await DeliveryTests.WaitUntil(() => edge.Runtime.Health.ConnectFailures >= 2, "two refused handshakes");

        Assert.False(edge.Runtime.Connection.IsConnected);
        Assert.True(edge.Logs.All.Contains("does not chain to Mqtt:Tls:CaFile", StringComparison.Ordinal), edge.Logs.All);
    }

    [Fact]
    public async Task A_client_certificate_the_broker_does_not_trust_fails_clearly_and_keeps_retrying()
    {
        var pki = new TestPki(_dir.Path);
        using Mosquitto broker = Mosquitto.Start(_dir.Path, new Mosquitto.Settings { Tls = (pki.CaFile, pki.ServerCertFile, pki.ServerKeyFile) });
        await using var edge = new SyncHarness(_dir, broker.Port, o =>
        {
            o.Host = "localhost";
            o.Tls = new Options.MqttTlsOptions { Enabled = true, CaFile = pki.CaFile, CertFile = pki.RogueClientCertFile, KeyFile = pki.RogueClientKeyFile };
        });

        await DeliveryTests.WaitUntil(() => edge.Runtime.Health.ConnectFailures >= 3, "three refused handshakes");

        Assert.False(edge.Runtime.Connection.IsConnected);
        Assert.True(edge.Logs.All.Contains("MQTT connection to localhost:", StringComparison.Ordinal), edge.Logs.All);
        Assert.True(edge.Logs.All.Contains("the broker closed the TLS connection", StringComparison.Ordinal), edge.Logs.All);
        Assert.StartsWith("mqtt: ", edge.Runtime.Health.LastError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_is_retained_online_then_offline_on_shutdown_or_by_the_last_will()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        await using (var edge = new SyncHarness(_dir, broker.Port, deviceId: "ct-orderly"))
        {
            await edge.WaitConnectedAsync();
        }

        var lost = new SyncHarness(_dir, broker.Port, deviceId: "ct-lost", configure: o => o.KeepAliveSeconds = 5);
        await lost.WaitConnectedAsync();

        // Drop the TCP connection without DISCONNECT: the broker must publish the will.
        lost.Runtime.Connection.Client.Dispose();

        using TestSubscriber sub = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/status");
        IReadOnlyList<ReceivedMessage> got = await sub.WaitForAsync(
            m => m.Any(x => x.Topic.Contains("ct-lost", StringComparison.Ordinal) && x.Json.GetProperty("state").GetString() == "offline")
                && m.Any(x => x.Topic.Contains("ct-orderly", StringComparison.Ordinal)),
            Wait, "both devices' status");

        ReceivedMessage orderly = got.Last(x => x.Topic.Contains("ct-orderly", StringComparison.Ordinal));
        Assert.True(orderly.Retain);
        Assert.Equal("offline", orderly.Json.GetProperty("state").GetString());
        Assert.Equal("shutdown", orderly.Json.GetProperty("reason").GetString());
        ReceivedMessage will = got.Last(x => x.Topic.Contains("ct-lost", StringComparison.Ordinal));
        Assert.Equal("lost", will.Json.GetProperty("reason").GetString());
        Assert.Equal("1", will.Property("schema-version"));
        try
        {
            await lost.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The test disposed the client under the runtime on purpose.
        }
    }
}
