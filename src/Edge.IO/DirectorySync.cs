using System.Runtime.InteropServices;

namespace Edge.IO;

/// <summary>
/// fsync of a directory, which .NET does not expose. POSIX fsync(2) on a file does not make its name durable: after a
/// create or rename the parent directory must be flushed too, or a power cut can lose an acknowledged file.
/// </summary>
public static partial class DirectorySync
{
    /// <summary>
    /// O_RDONLY | O_CLOEXEC, deliberately without O_DIRECTORY: that flag is 0x10000 in the generic Linux ABI (x86-64) but
    /// 0x4000 on arm64 (arch/arm64/include/uapi/asm/fcntl.h), where 0x10000 is O_DIRECT and open(2) of a directory with it
    /// fails with EINVAL. The Jetson appliances are arm64. A read-only open of a directory is valid without the flag, and
    /// O_CLOEXEC (0x80000) is the same on both.
    /// </summary>
    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>Flushes <paramref name="directory"/>'s entries to stable storage; a no-op off Linux.</summary>
    /// <exception cref="IOException">The directory cannot be opened or flushed; the message carries errno.</exception>
    public static void Sync(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(directory, ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Flushes the directory that holds <paramref name="path"/>.</summary>
    public static void SyncParent(string path) => Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
