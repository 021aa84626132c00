namespace Edge.IO;

/// <summary>
/// Replaces a file so that a crash or power cut leaves either the old or the new content, never a torn one: write a
/// temporary file in the same directory, fsync it, rename it over the target, fsync the directory (rename(2) is atomic
/// within a file system; the directory fsync makes the new name durable).
/// </summary>
public static class AtomicFile
{
    /// <summary>Read and write by the owner only: the default for anything written by the appliance.</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically and durably.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = OwnerReadWrite)
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

    /// <summary>Streams content into <paramref name="path"/> atomically and durably; if <paramref name="write"/> throws, the old file stays.</summary>
    public static void Write(string path, Action<Stream> write, UnixFileMode mode = OwnerReadWrite)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = CreateTemporary(path, mode, out FileStream stream);
        try
        {
            using (stream)
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            Commit(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a new, fsynced temporary file beside <paramref name="path"/> and returns its
    /// path, for callers that validate or back up before <see cref="Commit"/>.
    /// </summary>
    public static string WriteTemporary(string path, ReadOnlySpan<byte> content, UnixFileMode mode = OwnerReadWrite)
    {
        string temporary = CreateTemporary(path, mode, out FileStream stream);
        try
        {
            using (stream)
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>Renames a fsynced temporary file over <paramref name="path"/> and fsyncs the directory.</summary>
    public static void Commit(string temporary, string path)
    {
        File.Move(temporary, path, overwrite: true);
        DirectorySync.SyncParent(path);
    }

    private static string CreateTemporary(string path, UnixFileMode mode, out FileStream stream)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);

        // Unique per writer, so two processes never share a temporary; not dot-prefixed, because the configuration file
        // provider ignores hidden files and provisioning validates the very file it is about to commit.
        string temporary = Path.Combine(directory, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        stream = new FileStream(temporary, options);
        return temporary;
    }
}
