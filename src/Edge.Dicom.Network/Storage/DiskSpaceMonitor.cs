namespace Edge.Dicom.Network.Storage;

/// <summary>
/// Free space of the storage file system against the configured threshold. statvfs is cheap but not free, so the
/// answer is reused for a second: a burst of 300 instances costs a handful of calls.
/// </summary>
internal sealed class DiskSpaceMonitor
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private readonly string _path;
    private readonly long _minimumFreeBytes;
    private readonly Func<string, long> _probe;
    private readonly Lock _lock = new();
    private long _lastFree;
    private long _lastProbeTicks = long.MinValue;

    public DiskSpaceMonitor(string path, long minimumFreeBytes, Func<string, long>? probe = null)
    {
        _path = path;
        _minimumFreeBytes = minimumFreeBytes;
        _probe = probe ?? (static p => new DriveInfo(p).AvailableFreeSpace);
    }

    public long MinimumFreeBytes => _minimumFreeBytes;

    public long FreeBytes
    {
        get
        {
            lock (_lock)
            {
                long now = Environment.TickCount64;
                if (_lastProbeTicks == long.MinValue || now - _lastProbeTicks >= RefreshInterval.TotalMilliseconds)
                {
                    _lastFree = _probe(_path);
                    _lastProbeTicks = now;
                }

                return _lastFree;
            }
        }
    }

    public bool IsLow => _minimumFreeBytes > 0 && FreeBytes < _minimumFreeBytes;
}
