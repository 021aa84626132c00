using System.Globalization;
using Edge.IO;

namespace Edge.Cli.Commands.Field;

/// <summary>Timestamped, durable copies of a configuration file taken before provisioning replaces it.</summary>
internal static class FileBackup
{
    /// <summary>Backups kept beside a file; older ones are deleted. Ten re-provisionings are more history than a site needs.</summary>
    public const int BackupsKept = 10;

    /// <summary>
    /// Copies <paramref name="path"/> (if it exists) to <c>{path}.bak-{UTC time}</c> with the same mode, durably, keeping
    /// the newest <see cref="BackupsKept"/> backups. Returns the backup's path, or null when there was nothing to keep.
    /// </summary>
    public static string? Backup(string path, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string backup = $"{path}.bak-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        AtomicFile.Write(backup, File.ReadAllBytes(path), OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path));
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string[] backups = Directory.GetFiles(directory, Path.GetFileName(path) + ".bak-*");
        Array.Sort(backups, StringComparer.Ordinal);
        for (int i = 0; i < backups.Length - BackupsKept; i++)
        {
            File.Delete(backups[i]);
        }

        return backup;
    }
}
