using System.Globalization;
using Edge.Store.Files;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// Replaces a file so that a power cut leaves either the old or the new content, never a torn one: write a temporary
/// file in the same directory, fsync it, rename it over the target, fsync the directory (POSIX rename(2) is atomic
/// within a file system; the directory fsync makes the new name durable).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Backups kept beside a file; older ones are deleted. Ten re-provisionings are more history than a site needs.</summary>
    public const int BackupsKept = 10;

    /// <summary>Writes <paramref name="content"/> to a new temporary file beside <paramref name="path"/>, fsynced; returns its path.</summary>
    public static string WriteTemporary(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Not dot-prefixed: the configuration file provider ignores hidden files, and provision validates this very file.
        string temporary = Path.Combine(directory, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        return temporary;
    }

    /// <summary>Renames a fsynced temporary file over <paramref name="path"/> and fsyncs the directory.</summary>
    public static void Commit(string temporary, string path)
    {
        File.Move(temporary, path, overwrite: true);
        DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        string temporary = WriteTemporary(path, content, mode);
        try
        {
            Commit(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

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
        Write(backup, File.ReadAllBytes(path), OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path));
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
