namespace Edge.Packaging.Tests;

/// <summary>
/// A throwaway root file system into which dpkg installs the package for real: `dpkg --root DIR` with the maintainer
/// scripts run chrootless (DPKG_ROOT=DIR; they create the user with useradd --prefix and touch nothing outside DIR).
/// Seeded with what a Debian system has that the package relies on: an account database and systemd's targets.
/// </summary>
internal sealed class InstallRoot : IDisposable
{
    private readonly TempDirectory _temp = new("edge-root");

    public InstallRoot()
    {
        Assert.True(Environment.UserName == "root", "installing a .deb with its maintainer scripts (chown to the edge user) needs root; CI runs as root");
        Tools.Require("dpkg");
        Tools.Require("useradd");
        Tools.Require("deb-systemd-helper");
        Directory.CreateDirectory(PathOf("etc"));
        foreach (string dir in new[] { "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers" })
        {
            Directory.CreateDirectory(PathOf(dir));
        }

        File.WriteAllText(PathOf("var/lib/dpkg/status"), string.Empty);
        File.WriteAllText(PathOf("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        File.WriteAllText(PathOf("etc/group"), "root:x:0:\nvideo:x:44:\n");
        File.WriteAllText(PathOf("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        File.WriteAllText(PathOf("etc/gshadow"), "root:*::\nvideo:*::\n");

        // systemd-analyze verify --root resolves the unit's dependencies (sysinit.target, multi-user.target, system.slice)
        // inside the root: give it the host's targets and slices, as any system with systemd has them.
        string units = File.Exists("/usr/lib/systemd/system/multi-user.target")
            ? "/usr/lib/systemd/system" : "/lib/systemd/system";
        Assert.True(File.Exists(System.IO.Path.Combine(units, "multi-user.target")), $"no systemd targets in {units}: install the Debian package systemd (.ci/run does)");
        string target = Directory.CreateDirectory(PathOf("usr/lib/systemd/system")).FullName;
        foreach (string unit in Directory.GetFiles(units).Where(f => f.EndsWith(".target", StringComparison.Ordinal) || f.EndsWith(".slice", StringComparison.Ordinal)))
        {
            File.Copy(unit, System.IO.Path.Combine(target, System.IO.Path.GetFileName(unit)));
        }
    }

    public string Path => _temp.Path;

    public string PathOf(string relative) => System.IO.Path.Combine(_temp.Path, relative);

    public Task<ProcessResult> DpkgAsync(params string[] arguments) =>
        ExternalTools.RunAsync(Tools.Require("dpkg"),
            ["--root", Path, "--force-script-chrootless", "--force-not-root", "--force-depends", "--force-confold", .. arguments],
            TimeSpan.FromMinutes(5));

    /// <summary>uid or gid of a name in the root's account database, or null.</summary>
    public int? IdOf(string file, string name) =>
        File.ReadLines(PathOf($"etc/{file}")).Select(l => l.Split(':')).Where(f => f[0] == name)
            .Select(f => (int?)int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    public void Dispose() => _temp.Dispose();
}
