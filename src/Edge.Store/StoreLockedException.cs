namespace Edge.Store;

/// <summary>The database is already open by another process; one process owns the store.</summary>
public sealed class StoreLockedException : IOException
{
    public StoreLockedException()
    {
    }

    public StoreLockedException(string message)
        : base(message)
    {
    }

    public StoreLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
