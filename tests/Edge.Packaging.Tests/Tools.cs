namespace Edge.Packaging.Tests;

/// <summary>The Debian tools these tests drive; a missing one fails with the package to install (.ci/run installs them).</summary>
internal static class Tools
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["dpkg"] = "dpkg",
        ["dpkg-deb"] = "dpkg",
        ["dpkg-query"] = "dpkg",
        ["lintian"] = "lintian",
        ["systemd-analyze"] = "systemd",
        ["useradd"] = "passwd",
        ["deb-systemd-helper"] = "init-system-helpers",
    };

    public static string Require(string tool)
    {
        foreach (string dir in new[] { "/usr/bin", "/usr/sbin", "/bin", "/sbin" })
        {
            if (File.Exists(Path.Combine(dir, tool)))
            {
                return Path.Combine(dir, tool);
            }
        }

        Assert.Fail($"'{tool}' is not installed: install the Debian package {Packages.GetValueOrDefault(tool, tool)} (.ci/run does)");
        return tool;
    }
}
