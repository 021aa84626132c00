using System.Globalization;
using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>How an operator configures the service: files, EDGE_ variables, nothing at all, and edgectl's checks.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new("edge-config");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_invalid_configuration_stops_the_start_with_every_error_naming_its_key()
    {
        Dictionary<string, string> env = EdgeService.CleanEnvironment();
        env["EDGE_CONFIG"] = _dir.File("none.json");
        env["EDGE_Storage__Root"] = _dir.File("data");
        env["EDGE_Dicom__Port"] = "70000";
        env["EDGE_Mqtt__Port"] = "many";
        env["EDGE_Device__Id"] = "room/1";
        env["EDGE_Control__Socket"] = _dir.File("edge.sock");

        ProcessResult result = await Processes.RunAsync(EdgeService.Binary, env, [], TimeSpan.FromSeconds(60));

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Mqtt:Port: must be a whole number (was 'many')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Device:Id:", result.Error, StringComparison.Ordinal);
        Assert.Contains("3 error(s)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("edge.sock")));
    }

    [Fact]
    public async Task An_edge_variable_overrides_the_site_file()
    {
        int filePort = FreePort.Next();
        string site = _dir.File("edge.json");
        File.WriteAllText(site, JsonSerializer.Serialize(new { Dicom = new { Port = filePort, AeTitle = "SITE_AE" }, Device = new { Id = "from-file" } }));
        int envPort = FreePort.Next();
        using EdgeService edge = EdgeService.Start(_dir, brokerPort: null, c =>
        {
            c["Dicom:Port"] = envPort.ToString(CultureInfo.InvariantCulture);
            c["Device:Id"] = null;
        }, environment: new Dictionary<string, string> { ["EDGE_CONFIG"] = site }, withModels: false);

        JsonElement status = await edge.StatusAsync();
        Assert.Equal(envPort, status.GetProperty("dicom").GetProperty("port").GetInt32());
        Assert.Equal("SITE_AE", status.GetProperty("dicom").GetProperty("aeTitle").GetString());
        Assert.Equal("from-file", status.GetProperty("deviceId").GetString());
        ProcessResult echo = await Modality.EchoAsync(envPort, "SITE_AE");
        Assert.True(echo.ExitCode == 0, echo.Output + echo.Error);
    }

    [Fact]
    public async Task With_no_configuration_at_all_it_starts_on_the_defaults_in_the_working_directory()
    {
        Assert.True(PortIsFree(11112), "port 11112 (the default) is in use on this machine; this test needs it");
        using EdgeService edge = EdgeService.Start(_dir, brokerPort: null, c =>
        {
            foreach (string key in c.Keys.ToList())
            {
                c[key] = null;
            }
        }, withModels: false);

        JsonElement status = await edge.StatusAsync();
        Assert.Equal(11112, status.GetProperty("dicom").GetProperty("port").GetInt32());
        Assert.Equal("EDGE", status.GetProperty("dicom").GetProperty("aeTitle").GetString());
        Assert.Equal(Path.Combine(_dir.Path, "data"), status.GetProperty("storage").GetProperty("dataRoot").GetString());
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "edge.db")));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "edge.sock")));
        ProcessResult echo = await Modality.EchoAsync(11112);
        Assert.True(echo.ExitCode == 0, echo.Output + echo.Error);

        // No broker: it waits and says why, and stays up.
        Assert.False(status.GetProperty("mqtt").GetProperty("connected").GetBoolean());
        Assert.False(edge.HasExited);
    }

    [Fact]
    public async Task Edgectl_config_validate_lists_every_error_and_edgectl_status_says_when_the_service_is_not_running()
    {
        string bad = _dir.File("bad.json");
        File.WriteAllText(bad, """{ "Dicom": { "Port": 70000, "AeTitle": "" }, "Mqtt": { "KeepAliveSeconds": 1 }, "Storage": { "QuotaBytes": -5 } }""");
        ProcessResult invalid = await Edgectl.RunAsync(null, "config", "validate", bad);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("Dicom:AeTitle:", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("Mqtt:KeepAliveSeconds:", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("Storage:QuotaBytes:", invalid.Output, StringComparison.Ordinal);
        Assert.Contains("4 error(s)", invalid.Output, StringComparison.Ordinal);

        string good = _dir.File("good.json");
        File.WriteAllText(good, """{ "Dicom": { "Port": 104, "AeTitle": "EDGE_CT1" }, "Device": { "Id": "ct-1", "Site": "clinic" } }""");
        ProcessResult valid = await Edgectl.RunAsync(null, "config", "validate", good);
        Assert.True(valid.ExitCode == 0, valid.Output + valid.Error);

        string socket = _dir.File("nothing-here.sock");
        ProcessResult status = await Edgectl.RunAsync(new Dictionary<string, string> { ["EDGE_Control__Socket"] = socket }, "status");
        Assert.Equal(3, status.ExitCode);
        Assert.Contains($"edge-service is not running (no control socket at {socket})", status.Error, StringComparison.Ordinal);
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
