namespace Edge.Sync;

/// <summary>Live sync state for the heartbeat, GET /status and tests: connection, last error, counts.</summary>
public sealed class SyncHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private long _connectAttempts;
    private long _connectFailures;
    private long _published;
    private volatile bool _connected;

    public bool Connected => _connected;

    public long ConnectAttempts => Interlocked.Read(ref _connectAttempts);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    public long Published => Interlocked.Read(ref _published);

    public (string? Message, DateTimeOffset? At) LastError
    {
        get
        {
            lock (_gate)
            {
                return (_lastError, _lastErrorAt);
            }
        }
    }

    /// <summary>Records an error for the heartbeat. The text must carry no secrets and no PHI.</summary>
    public void RecordError(string message)
    {
        lock (_gate)
        {
            _lastError = message;
            _lastErrorAt = time.GetUtcNow();
        }
    }

    internal void SetConnected(bool connected) => _connected = connected;

    internal void CountConnectAttempt() => Interlocked.Increment(ref _connectAttempts);

    internal void CountConnectFailure() => Interlocked.Increment(ref _connectFailures);

    internal void CountPublished() => Interlocked.Increment(ref _published);
}
