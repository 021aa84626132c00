using Edge.Service.Configuration;
using Edge.Store;

namespace Edge.Service.Retention;

/// <summary>
/// Bytes the appliance occupies (received tree plus database) and free on its file system, against
/// <c>Storage:QuotaBytes</c> and twice the DICOM free-space floor (purging starts before the SCP has to refuse).
/// </summary>
public sealed class StorageUsage(EdgeSettings settings, EdgeStore store)
{
    private Figures _current = new(0, long.MaxValue, false, false);

    public sealed record Figures(long UsedBytes, long FreeBytes, bool OverQuota, bool LowSpace)
    {
        public bool OverLimit => OverQuota || LowSpace;
    }

    public Figures Current => Volatile.Read(ref _current);

    /// <summary>Walks the received tree; cheap enough per retention pass (a day of scans is tens of thousands of files).</summary>
    public Figures Refresh()
    {
        long used = store.GetFootprintBytes();
        string root = settings.Dicom.StorageRoot;
        if (Directory.Exists(root))
        {
            used += new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Sum(f => f.Length);
        }

        return Set(used, Free());
    }

    /// <summary>Accounts for a deletion without walking the tree again.</summary>
    public void Subtract(long bytes)
    {
        Figures now = Current;
        Set(Math.Max(0, now.UsedBytes - bytes), Free());
    }

    private Figures Set(long used, long free)
    {
        long quota = settings.Storage.QuotaBytes;
        var figures = new Figures(used, free, quota > 0 && used > quota, free < 2 * settings.Dicom.MinimumFreeDiskBytes);
        Volatile.Write(ref _current, figures);
        return figures;
    }

    private long Free()
    {
        try
        {
            return DiskSpace.AvailableBytes(settings.DataRoot);
        }
        catch (IOException)
        {
            return long.MaxValue;
        }
    }
}
