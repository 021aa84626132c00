using System.Globalization;

namespace Edge.Service.Tests.Support;

/// <summary>
/// A tiny tmpfs: a file system that really runs full, so the SCP meets ENOSPC and its free-space floor as it would on a
/// box whose disk fills. Mounting needs root (or passwordless sudo, as CI machines have); without either the test fails
/// saying so rather than pretending.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly string[] _sudo;

    private SmallDisk(string path, string[] sudo)
    {
        Path = path;
        _sudo = sudo;
    }

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        string[] sudo = Environment.UserName == "root" ? [] : [Tool.Require("sudo", "sudo"), "-n"];
        string mount = Tool.Require("mount", "mount");
        string[] arguments = [.. sudo.Skip(1), mount, "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={bytes},mode=0777"), "tmpfs", path];
        Tool.Result result = await Tool.RunAsync(sudo.Length > 0 ? sudo[0] : mount, sudo.Length > 0 ? arguments : arguments.Skip(1), TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0,
            $"the low-disk test mounts a {bytes}-byte tmpfs and needs root or passwordless sudo for it: {result.All}");
        return new SmallDisk(path, sudo);
    }

    public void Dispose()
    {
        string umount = Tool.Require("umount", "mount");
        string[] arguments = [.. _sudo.Skip(1), umount, "-l", Path];
        Tool.RunAsync(_sudo.Length > 0 ? _sudo[0] : umount, _sudo.Length > 0 ? arguments : arguments.Skip(1), TimeSpan.FromSeconds(30))
            .GetAwaiter().GetResult();
    }
}
