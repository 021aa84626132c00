namespace Edge.Store;

/// <summary>Free space of the file system holding a path, for the disk quota and the heartbeat.</summary>
public static class DiskSpace
{
    /// <summary>Bytes available to this (unprivileged) process on the file system holding <paramref name="path"/>.</summary>
    public static long AvailableBytes(string path)
    {
        string full = Path.GetFullPath(path);
        while (!Directory.Exists(full))
        {
            full = Path.GetDirectoryName(full) ?? "/";
        }

        return new DriveInfo(full).AvailableFreeSpace;
    }
}
