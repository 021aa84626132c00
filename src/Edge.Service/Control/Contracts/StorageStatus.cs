namespace Edge.Service.Control.Contracts;

/// <summary>Disk: where the data is, how much it takes, and the limits that act on it.</summary>
public sealed record StorageStatus(
    string DataRoot,
    long FreeBytes,
    long UsedBytes,
    long DatabaseBytes,
    long QuotaBytes,
    long MinimumFreeBytes,
    double KeepReceivedHours);
