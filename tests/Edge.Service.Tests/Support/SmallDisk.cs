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
        bool root = Environment.UserName == "root";
        string[] mount = ["mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={bytes},mode=0777"), "tmpfs", path];
        ProcessResult result = await (root
            ? ExternalTools.RunAsync("mount", mount[1..], TimeSpan.FromSeconds(30))
            : ExternalTools.RunAsync("sudo", ["-n", .. mount], TimeSpan.FromSeconds(30)));
        Assert.True(result.ExitCode == 0,
            $"the low-disk test mounts a {bytes}-byte tmpfs and needs root or passwordless sudo for it: {result.Output}{result.Error}");
        return new SmallDisk(path, root ? [] : ["sudo", "-n"]);
    }

    public void Dispose()
    {
        string[] umount = ["umount", "-l", Path];
        (_sudo.Length == 0
            ? ExternalTools.RunAsync("umount", umount[1..], TimeSpan.FromSeconds(30))
            : ExternalTools.RunAsync("sudo", [.. _sudo[1..], .. umount], TimeSpan.FromSeconds(30))).GetAwaiter().GetResult();
    }
}
