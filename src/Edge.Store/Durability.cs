namespace Edge.Store;

/// <summary>How far a write must have gone before the store method returns.</summary>
public enum Durability
{
    /// <summary>In the kernel: survives the process being killed, not a power cut.</summary>
    Written,

    /// <summary>fsync'ed: survives a power cut on storage that honours flushes.</summary>
    Synced,
}
