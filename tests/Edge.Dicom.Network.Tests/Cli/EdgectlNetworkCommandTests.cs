using System.Globalization;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Tests.Support;

namespace Edge.Dicom.Network.Tests.Cli;

/// <summary><c>edgectl dicom echo|send|listen</c> as a user runs them: a child process, stdout redirected.</summary>
public sealed class EdgectlNetworkCommandTests
{
    private static string Port(RunningServer server) => server.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Echo_succeeds_against_a_listening_scp()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        ProcessResult result = await Edgectl.RunAsync("dicom", "echo", "127.0.0.1", Port(server), "--called-aet", "EDGE", "--calling-aet", "FIELD");

        result.AssertSuccess("edgectl dicom echo");
        Assert.Contains("C-ECHO FIELD -> EDGE@127.0.0.1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Success", result.Output, StringComparison.Ordinal);
        Assert.Equal("FIELD", server.Events.Opened.Single().CallingAeTitle);
    }

    [Fact]
    public async Task Echo_to_a_wrong_called_ae_fails_with_one_line()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        ProcessResult result = await Edgectl.RunAsync("dicom", "echo", "127.0.0.1", Port(server), "--called-aet", "NOTEDGE");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CalledAeTitleNotRecognized", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Echo_to_a_closed_port_fails_cleanly()
    {
        ProcessResult result = await Edgectl.RunAsync("dicom", "echo", "127.0.0.1", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--timeout", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot connect", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_walks_directories_prints_a_summary_and_no_progress_bar_when_redirected()
    {
        await using RunningServer server = await RunningServer.StartAsync();
        using var temp = new TempDirectory();
        string series = temp.Sub("series");
        await TestData.CtSeriesAsync(Path.Combine(series, "a"), 3, 32);
        await TestData.CtSeriesAsync(Path.Combine(series, "b", "deeper"), 2, 32);
        await File.WriteAllTextAsync(Path.Combine(series, "README.txt"), "not DICOM");

        ProcessResult result = await Edgectl.RunAsync("dicom", "send", "127.0.0.1", Port(server), "--called-aet", "EDGE", series);

        result.AssertSuccess("edgectl dicom send");
        Assert.Contains("Sent 5 of 5 instance(s)", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 non-DICOM file(s) skipped", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
        Assert.Equal(5, server.Events.Stored.Count);
    }

    [Fact]
    public async Task Send_exits_non_zero_when_any_instance_is_not_stored()
    {
        await using RunningServer server = await RunningServer.StartAsync();

        ProcessResult result = await Edgectl.RunAsync("dicom", "send", "127.0.0.1", Port(server), "--called-aet", "EDGE",
            TestData.Pydicom("CT_small.dcm"), TestData.Pydicom("JPEG2000.dcm"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Sent 1 of 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("JPEG2000.dcm: not sent", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_reports_every_bad_option_at_once()
    {
        ProcessResult result = await Edgectl.RunAsync("dicom", "listen", "--port", "70000", "--aet", "WAY_TOO_LONG_AE_TITLE", "--out", "/tmp/x",
            "--allow", "BAD\\AE", "--max-associations", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Dicom:Port: must be 1-65535, or 0 for any free port (was 70000)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Dicom:AeTitle:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Dicom:AllowedCallingAeTitles:0:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Dicom:MaxAssociations: must be 1-1000 (was 0)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_stores_prints_one_line_per_association_and_enforces_the_allow_list()
    {
        using var temp = new TempDirectory();
        int port = FreePort.Get();
        string p = port.ToString(CultureInfo.InvariantCulture);
        using ChildProcess listener = Edgectl.Start("dicom", "listen", "--port", p, "--aet", "EDGE", "--out", temp.Sub("out"),
            "--allow", "MODALITY@127.0.0.1", "--min-free-mb", "0");
        await listener.WaitForOutputAsync("Listening as EDGE", TimeSpan.FromSeconds(30));

        ProcessResult stored = await ExternalTools.RunAsync("storescu", ["-aet", "MODALITY", "-aec", "EDGE", "127.0.0.1", p, TestData.Pydicom("CT_small.dcm")], TimeSpan.FromSeconds(30));
        ProcessResult refused = await ExternalTools.RunAsync("storescu", ["-aet", "INTRUDER", "-aec", "EDGE", "127.0.0.1", p, TestData.Pydicom("CT_small.dcm")], TimeSpan.FromSeconds(30));

        stored.AssertSuccess("storescu MODALITY");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", refused.Output + refused.Error, StringComparison.OrdinalIgnoreCase);
        await listener.WaitForOutputAsync("Rejected", TimeSpan.FromSeconds(10));
        string[] lines = listener.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("MODALITY@127.0.0.1 -> EDGE: 1 stored", StringComparison.Ordinal) && l.Contains("Released", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("INTRUDER", StringComparison.Ordinal) && l.Contains("Rejected", StringComparison.Ordinal)
            && l.Contains("CallingAeTitleNotRecognized", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, "out"), "*.dcm", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Sigterm_stops_listen_in_order_aborting_open_associations()
    {
        using var temp = new TempDirectory();
        int port = FreePort.Get();
        using ChildProcess listener = Edgectl.Start("dicom", "listen", "--port", port.ToString(CultureInfo.InvariantCulture), "--aet", "EDGE",
            "--out", temp.Path, "--min-free-mb", "0");
        await listener.WaitForOutputAsync("Listening as EDGE", TimeSpan.FromSeconds(30));
        await using ScriptedPeer peer = await ScriptedPeer.ConnectAsync(port);
        await peer.SendAsync(DimseTraffic.StorageRequest());
        await peer.ExpectAsync<Edge.Dicom.Network.Pdus.AssociateAcceptPdu>();

        (await ExternalTools.RunAsync("kill", ["-TERM", listener.Process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10))).AssertSuccess("kill");

        Assert.Equal(Edge.Dicom.Network.Pdus.AbortSource.ServiceUser, (await peer.ExpectAsync<Edge.Dicom.Network.Pdus.AbortPdu>()).Source);
        await listener.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, listener.Process.ExitCode);
        await listener.WaitForOutputAsync("Stopped: 1 association(s)", TimeSpan.FromSeconds(5));
        Assert.Contains("Shutdown", listener.Output, StringComparison.Ordinal);
    }
}
