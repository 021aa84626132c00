using System.Runtime.InteropServices;

namespace Edge.Store.Files;

/// <summary>
/// fsync of a directory, so that a newly created database or log file's directory entry survives power loss
/// (POSIX: fsync on a file does not make its name durable; the parent directory must be synced too).
/// </summary>
public static partial class DirectorySync
{
    /// <summary>
    /// O_RDONLY | O_DIRECTORY. O_DIRECTORY is 0x10000 in the generic Linux ABI (x86-64, riscv64) but 0x4000 on arm and
    /// arm64 (arch/arm64/include/uapi/asm/fcntl.h), where 0x10000 means O_DIRECT, and open(2) of a directory with O_DIRECT
    /// fails with EINVAL on ext4: the Jetson appliances are arm64.
    /// </summary>
    private static readonly int ReadOnlyDirectoryFlags =
        RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;

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
