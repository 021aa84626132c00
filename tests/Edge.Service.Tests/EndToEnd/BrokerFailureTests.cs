using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>A broker that refuses the device: a clear reason, retries, and the scanner side untouched.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class BrokerFailureTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _dir = new("edge-broker-fail");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Wrong_credentials_give_a_clear_error_and_retries_while_dicom_keeps_working()
    {
        const string Password = "c0rrect-H0rse-never-logged";
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName,
            new Mosquitto.Settings { Credentials = ("ct-room-1", Password) });
        string user = _dir.File("mqtt-user"), password = _dir.File("mqtt-password");
        File.WriteAllText(user, "ct-room-1\n");
        File.WriteAllText(password, "wrong-" + Password + "\n");
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Mqtt:UsernameFile"] = user;
            c["Mqtt:PasswordFile"] = password;
        }, withModels: false);

        JsonElement status = await edge.WaitStatusAsync(s => s.GetProperty("mqtt").GetProperty("connectFailures").GetInt64() >= 3, Wait, "three refused attempts");
        string error = status.GetProperty("mqtt").GetProperty("lastError").GetString()!;
        Assert.Contains("refused", error, StringComparison.Ordinal);
        Assert.Contains("Mqtt:PasswordFile", error, StringComparison.Ordinal);
        ProcessResult echo = await Modality.EchoAsync(edge.Port);
        Assert.True(echo.ExitCode == 0, echo.Output + echo.Error);
        Assert.False(edge.HasExited);

        // Fixing the file is enough: it is read at every attempt.
        File.WriteAllText(password, Password + "\n");
        await edge.WaitStatusAsync(s => s.GetProperty("mqtt").GetProperty("connected").GetBoolean(), Wait, "the connection after the fix");
        Assert.DoesNotContain(Password, edge.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_certificate_from_an_untrusted_ca_is_refused_with_a_clear_error_and_retried()
    {
        var pki = new TestPki(Directory.CreateDirectory(_dir.File("pki")).FullName);
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName,
            new Mosquitto.Settings { Tls = (pki.RogueCaFile, pki.RogueServerCertFile, pki.RogueServerKeyFile) });
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Mqtt:Host"] = "localhost";
            c["Mqtt:Tls:Enabled"] = "true";
            c["Mqtt:Tls:CaFile"] = pki.CaFile;
            c["Mqtt:Tls:CertFile"] = pki.ClientCertFile;
            c["Mqtt:Tls:KeyFile"] = pki.ClientKeyFile;
        }, withModels: false);

        JsonElement status = await edge.WaitStatusAsync(s => s.GetProperty("mqtt").GetProperty("connectFailures").GetInt64() >= 3, Wait, "three failed handshakes");
        string error = status.GetProperty("mqtt").GetProperty("lastError").GetString()!;
        Assert.Contains("certificate", error, StringComparison.OrdinalIgnoreCase);
        Assert.False(status.GetProperty("mqtt").GetProperty("connected").GetBoolean());
        ProcessResult echo = await Modality.EchoAsync(edge.Port);
        Assert.True(echo.ExitCode == 0, echo.Output + echo.Error);
        Assert.False(edge.HasExited);
    }
}
