using System.Runtime.InteropServices;

namespace Edge.Dicom.Network.Storage;

/// <summary>
/// Directory fsync, which .NET does not expose: after a rename, the directory entry is only durable once the directory
/// itself is flushed (POSIX fsync(2); ext4 and XFS honour it).
/// </summary>
internal static partial class FileSystemSync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x86-64 and arm64)
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    public static void FlushDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(path, ReadOnly | Directory | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory {path} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {path} failed (errno {Marshal.GetLastPInvokeError()}).");
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
