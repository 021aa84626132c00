using System.Runtime.InteropServices;

namespace Edge.Store.Files;

/// <summary>
/// fsync of a directory, so that a newly created database or log file's directory entry survives power loss
/// (POSIX: fsync on a file does not make its name durable; the parent directory must be synced too).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnlyDirectoryFlags = 0x0000 | 0x10000; // O_RDONLY | O_DIRECTORY (Linux)

    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(directory, ReadOnlyDirectoryFlags);
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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
