using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Edge.Cli.Commands.Field;
using Edge.Cli.Commands.Field.Selftest;

namespace Edge.Cli.Tests.Field;

/// <summary>
/// <c>edgectl selftest</c> against a real box: edge-service running, a real mosquitto as the broker, dcmtk's storescp as
/// the PACS; and against a box where those are down, where each check must fail with its own reason.
/// </summary>
public sealed class SelftestTests
{
    [Fact]
    public async Task On_a_working_box_every_check_passes()
    {
        using var temp = new TempDirectory("edge-selftest");
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(temp.File("broker")).FullName);
        int pacsPort = FreePort.Next();
        using Process pacs = StartStorescp(temp.File("pacs"), pacsPort);
        try
        {
            using EdgeService edge = EdgeService.Start(temp, broker.Port, s => s["Inference:ExecutionProviders:0"] = "CPU");
            string config = WriteConfig(temp, edge.Port, broker.Port, pacsPort, edge.DataRoot, edge.Socket);

            IReadOnlyList<CheckResult> results = await new SelftestRunner(TextWriter.Null).RunAsync(
                new SelftestRequest { ConfigPath = config, Socket = edge.Socket }, CancellationToken.None);

            Assert.Equal(
                ["configuration", "storage", "model packages", "warm-up inference", "execution provider", "DICOM C-ECHO, this box", "DICOM C-ECHO, pacs", "MQTT round trip"],
                results.Select(r => r.Name));
            Assert.All(results, r => Assert.True(r.Outcome == CheckOutcome.Pass, $"{r.Name}: {r.Outcome} {r.Detail}"));
            Assert.Contains("edge-service reports CPU", results.Single(r => r.Name == "execution provider").Detail, StringComparison.Ordinal);
            Assert.Contains("edge/v1/clinic-a/ct-room-1/selftest", results.Single(r => r.Name == "MQTT round trip").Detail, StringComparison.Ordinal);
            Assert.Contains("Success", results.Single(r => r.Name == "DICOM C-ECHO, pacs").Detail, StringComparison.Ordinal);

            using var output = new StringWriter();
            SelftestCommand.Write(results, json: false, output);
            Assert.Contains("All 8 checks passed.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            pacs.Kill();
            pacs.WaitForExit();
        }
    }

    [Fact]
    public async Task On_a_box_whose_service_broker_and_pacs_are_down_each_check_fails_with_its_reason()
    {
        using var temp = new TempDirectory("edge-selftest");
        Directory.CreateDirectory(temp.File("data"));
        string config = WriteConfig(temp, FreePort.Next(), FreePort.Next(), FreePort.Next(), temp.File("data"), temp.File("edge.sock"), models: temp.File("no-models"));
        Directory.CreateDirectory(temp.File("no-models"));

        IReadOnlyList<CheckResult> results = await new SelftestRunner(TextWriter.Null).RunAsync(
            new SelftestRequest { ConfigPath = config, TimeoutSeconds = 3 }, CancellationToken.None);

        CheckResult Row(string name) => results.Single(r => r.Name == name);
        Assert.Equal(CheckOutcome.Pass, Row("configuration").Outcome);
        Assert.Equal(CheckOutcome.Pass, Row("storage").Outcome);
        Assert.Equal(CheckOutcome.Fail, Row("model packages").Outcome);
        Assert.Contains("no valid model package", Row("model packages").Detail, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Fail, Row("warm-up inference").Outcome);
        Assert.Equal(CheckOutcome.Fail, Row("DICOM C-ECHO, this box").Outcome);
        Assert.Contains("edge-service is not running", Row("DICOM C-ECHO, this box").Detail, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Fail, Row("DICOM C-ECHO, pacs").Outcome);
        Assert.Equal(CheckOutcome.Fail, Row("MQTT round trip").Outcome);
        Assert.Contains("cannot connect", Row("MQTT round trip").Detail, StringComparison.Ordinal);

        using var json = new StringWriter();
        SelftestCommand.Write(results, json: true, json);
        Assert.False(JsonNode.Parse(json.ToString())!["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_unprovisioned_box_fails_the_configuration_check_and_sync_off_is_only_a_warning()
    {
        using var temp = new TempDirectory("edge-selftest");
        string config = temp.File("edge.json");
        File.Copy(Path.Combine(Checkout.FirmwareConfig, "edge.json"), config);
        IReadOnlyList<CheckResult> results = await new SelftestRunner(TextWriter.Null).RunAsync(
            new SelftestRequest { ConfigPath = config, Socket = temp.File("none.sock"), TimeoutSeconds = 2 }, CancellationToken.None);
        Assert.Equal(CheckOutcome.Fail, results[0].Outcome);
        Assert.Contains("not provisioned", results[0].Detail, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Warn, results.Single(r => r.Name == "MQTT round trip").Outcome);
        Assert.Equal(CheckOutcome.Warn, results.Single(r => r.Name == "DICOM C-ECHO, PACS").Outcome);
    }

    private static string WriteConfig(TempDirectory temp, int dicomPort, int brokerPort, int pacsPort, string dataRoot, string socket, string? models = null)
    {
        var config = new JsonObject
        {
            ["Device"] = new JsonObject { ["Id"] = "ct-room-1", ["Site"] = "clinic-a" },
            ["Dicom"] = new JsonObject { ["Port"] = dicomPort, ["MinimumFreeDiskBytes"] = 0 },
            ["Storage"] = new JsonObject { ["Root"] = dataRoot },
            ["Control"] = new JsonObject { ["Socket"] = socket },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
            ["Inference"] = new JsonObject { ["ModelsDirectory"] = models ?? ReferenceModel.ModelsDirectory, ["ExecutionProviders"] = new JsonArray("CPU") },
            ["Destinations"] = new JsonArray(new JsonObject { ["Name"] = "pacs", ["AeTitle"] = "PACS", ["Host"] = "127.0.0.1", ["Port"] = pacsPort }),
        };
        string path = temp.File("selftest.json");
        File.WriteAllBytes(path, JsonConfig.Serialize(config));
        return path;
    }

    /// <summary>dcmtk's storescp as the PACS (Debian dcmtk; .ci/run installs it).</summary>
    private static Process StartStorescp(string directory, int port)
    {
        const string Storescp = "/usr/bin/storescp";
        Assert.True(File.Exists(Storescp), $"{Storescp} is missing: install the Debian package dcmtk (.ci/run does)");
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo(Storescp) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in new[] { "--aetitle", "PACS", "--output-directory", directory, port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TCP_NODELAY"] = "1";
        Process process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                probe.Connect("127.0.0.1", port);
                return process;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Assert.False(process.HasExited, "storescp exited at start");
                Thread.Sleep(25);
            }
        }

        Assert.Fail($"storescp did not listen on {port}");
        return process;
    }
}
