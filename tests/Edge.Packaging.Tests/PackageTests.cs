using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Dicom.Network.Client;

namespace Edge.Packaging.Tests;

/// <summary>
/// The .deb as a field engineer gets it: installed by dpkg with its maintainer scripts into a throwaway root, the unit
/// checked by systemd-analyze, the installed edge-service started and answering C-ECHO, lintian clean.
/// </summary>
public sealed partial class PackageTests(InstalledPackage package) : IClassFixture<InstalledPackage>
{
    private InstallRoot Root => package.Root;

    [Fact]
    public async Task It_installs_self_contained_under_usr_lib_edge_with_edgectl_on_the_path()
    {
        foreach (string file in new[] { "edge-service", "edgectl" })
        {
            string path = Root.PathOf($"usr/lib/edge/{file}");
            Assert.True(File.Exists(path), $"{path} is missing");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(path));
        }

        // Self-contained: the runtime travels in the package, nothing is needed from a .NET install.
        Assert.True(File.Exists(Root.PathOf("usr/lib/edge/libcoreclr.so")));
        Assert.True(File.Exists(Root.PathOf("usr/lib/edge/appsettings.json")));
        Assert.Equal("../lib/edge/edgectl", new FileInfo(Root.PathOf("usr/bin/edgectl")).LinkTarget);
        Assert.Equal(["cpu-only.json", "jetson-agx-orin.json", "jetson-orin-nano.json", "x86-dgpu.json"],
            Directory.GetFiles(Root.PathOf("usr/lib/edge/profiles")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Root.PathOf("usr/share/man/man1/edgectl.1.gz")));
        Assert.True(File.Exists(Root.PathOf("usr/share/doc/edge/CONFORMANCE.md")));
        Assert.True(File.Exists(Root.PathOf("usr/share/doc/edge/examples/broker/acl")));

        // /etc/edge/edge.json is a conffile: dpkg keeps a site's edits over upgrades.
        ProcessResult conffiles = await ExternalTools.RunAsync(Tools.Require("dpkg-query"),
            ["--admindir", Root.PathOf("var/lib/dpkg"), "--show", "--showformat", "${Conffiles}", "edge"], TimeSpan.FromMinutes(1));
        conffiles.AssertSuccess("dpkg-query");
        Assert.Contains("/etc/edge/edge.json", conffiles.Output, StringComparison.Ordinal);

        // Every installed file matches the package's md5sums (what `dpkg --verify edge` checks in the field).
        ProcessResult verify = await Root.DpkgAsync("--verify", "edge");
        verify.AssertSuccess("dpkg --verify");
        Assert.Equal(string.Empty, verify.Output.Trim());
    }

    [Fact]
    public void Postinst_creates_the_edge_system_user_and_the_data_directory_and_enables_the_unit()
    {
        string[] user = File.ReadLines(Root.PathOf("etc/passwd")).Single(l => l.StartsWith("edge:", StringComparison.Ordinal)).Split(':');
        int uid = int.Parse(user[2], CultureInfo.InvariantCulture);
        Assert.InRange(uid, 100, 999); // a system account (Debian policy 9.2.2)
        Assert.Equal("/var/lib/edge", user[5]);
        Assert.Equal("/usr/sbin/nologin", user[6]);
        int gid = Root.IdOf("group", "edge")!.Value;
        Assert.Equal(gid, int.Parse(user[3], CultureInfo.InvariantCulture));
        Assert.Contains(File.ReadLines(Root.PathOf("etc/group")), l => l.StartsWith("video:", StringComparison.Ordinal) && l.EndsWith(":edge", StringComparison.Ordinal));

        (int Uid, int Gid, UnixFileMode Mode) data = Stat(Root.PathOf("var/lib/edge"));
        Assert.Equal((uid, gid, (UnixFileMode)Convert.ToInt32("750", 8)), data);
        Assert.Equal((0, gid, (UnixFileMode)Convert.ToInt32("750", 8)), Stat(Root.PathOf("etc/edge")));
        Assert.Equal((0, gid, (UnixFileMode)Convert.ToInt32("640", 8)), Stat(Root.PathOf("etc/edge/edge.json")));

        Assert.True(package.HostAccountsUntouched, "the maintainer scripts changed the host's /etc/passwd or /etc/group instead of the root's");

        // Enabled as dh_installsystemd would: the unit starts at boot.
        Assert.Equal("/lib/systemd/system/edge.service", new FileInfo(Root.PathOf("etc/systemd/system/multi-user.target.wants/edge.service")).LinkTarget);
    }

    [Fact]
    public async Task The_installed_unit_passes_systemd_analyze_verify()
    {
        ProcessResult verify = await ExternalTools.RunAsync(Tools.Require("systemd-analyze"), ["verify", $"--root={Root.Path}", "edge.service"], TimeSpan.FromMinutes(1));
        verify.AssertSuccess("systemd-analyze verify");

        // Unknown keys and missing binaries are only warnings to systemd; the unit must have none.
        Assert.Equal(string.Empty, (verify.Output + verify.Error).Trim());
    }

    [Fact]
    public async Task The_installed_unit_exposure_is_at_most_3()
    {
        ProcessResult security = await ExternalTools.RunAsync(Tools.Require("systemd-analyze"),
            ["security", "--offline=true", $"--root={Root.Path}", "--no-pager", "edge.service"], TimeSpan.FromMinutes(1));
        Match level = ExposureLine().Match(security.Output + security.Error);
        Assert.True(level.Success, $"no exposure level in: {security.Output}{security.Error}");
        double exposure = double.Parse(level.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= 3.0, $"exposure {exposure} > 3.0:\n{security.Output}");
    }

    [Fact]
    public async Task The_installed_edge_service_starts_and_answers_C_ECHO_and_the_installed_edgectl_reaches_it()
    {
        using var work = new TempDirectory("edge-installed");
        int port = FreePort.Next();
        string socket = work.File("edge.sock");
        string config = work.File("edge.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Device"] = new { Id = "ct-1", Site = "clinic-a" },
            ["Dicom"] = new { AeTitle = "EDGE", Port = port },
            ["Storage"] = new { Root = work.File("data") },
            ["Control"] = new { Socket = socket },
            ["Mqtt"] = new { Host = string.Empty },
            ["Inference"] = new { ModelsDirectory = Root.PathOf("usr/lib/edge/models"), ExecutionProviders = new[] { "CPU" } },
            ["Pipeline"] = new { WarmUp = false },
        }));
        var info = new ProcessStartInfo(Root.PathOf("usr/lib/edge/edge-service")) { WorkingDirectory = work.Path };
        info.Environment["EDGE_CONFIG"] = config;
        info.Environment.Remove("DOTNET_ROOT");
        using var service = new ChildProcess(info);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(socket))
            {
                Assert.False(service.Process.HasExited, $"edge-service exited with {(service.Process.HasExited ? service.Process.ExitCode : 0)}: {service.Stderr}");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"edge-service did not open its control socket within 2 minutes: {service.Stderr}");
                await Task.Delay(100);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            EchoResult echo = await new DicomClient(new DicomClientOptions { CallingAeTitle = "PKGTEST" })
                .EchoAsync(new DicomPeer("127.0.0.1", port, "EDGE"), timeout.Token);
            Assert.True(echo.Succeeded, $"C-ECHO status {echo.Status}");

            // The CLI through its /usr/bin symlink, as a field engineer types it.
            string edgectl = Root.PathOf("usr/bin/edgectl");
            ProcessResult cliEcho = await ExternalTools.RunAsync(edgectl, ["dicom", "echo", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "--called-aet", "EDGE"], TimeSpan.FromMinutes(1));
            cliEcho.AssertSuccess("edgectl dicom echo");
            ProcessResult status = await ExternalTools.RunAsync(edgectl, ["status", "--json", "--socket", socket], TimeSpan.FromMinutes(1));
            status.AssertSuccess("edgectl status");
            Assert.Contains("\"ct-1\"", status.Output, StringComparison.Ordinal);

            // SIGTERM is how systemd stops it: a clean exit, 0.
            ProcessResult term = await ExternalTools.RunAsync("/bin/kill", ["-TERM", service.Process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            term.AssertSuccess("kill -TERM");
            Assert.True(service.Process.WaitForExit(TimeSpan.FromSeconds(60)), "edge-service did not stop within 60 s of SIGTERM");
            Assert.Equal(0, service.Process.ExitCode);
        }
        finally
        {
            if (!service.Process.HasExited)
            {
                service.Process.Kill();
            }
        }
    }

    [Fact]
    public async Task Lintian_reports_no_errors_and_no_warnings()
    {
        ProcessResult lintian = await ExternalTools.RunAsync(Tools.Require("lintian"), ["--tag-display-limit", "0", package.Deb], TimeSpan.FromMinutes(10));
        string[] findings = [.. (lintian.Output + lintian.Error).Split('\n').Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("W: ", StringComparison.Ordinal))];
        Assert.True(findings.Length == 0, "lintian:\n" + string.Join('\n', findings));
        Assert.True(lintian.ExitCode == 0, $"lintian exited {lintian.ExitCode}: {lintian.Output}{lintian.Error}");
    }

    private static (int Uid, int Gid, UnixFileMode Mode) Stat(string path)
    {
        ProcessResult stat = ExternalTools.RunAsync("/usr/bin/stat", ["--format", "%u %g %a", path], TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        stat.AssertSuccess("stat");
        string[] parts = stat.Output.Trim().Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), (UnixFileMode)Convert.ToInt32(parts[2], 8));
    }

    [GeneratedRegex(@"Overall exposure level for edge\.service: ([0-9]+\.[0-9]+)")]
    private static partial Regex ExposureLine();
}
