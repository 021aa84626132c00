namespace Edge.Service.Health;

/// <summary>One stage as <c>GET /status</c> and the watchdog see it at one moment.</summary>
public sealed record StageSnapshot(
    string Name,
    StageState State,
    bool Alive,
    string? Activity,
    DateTimeOffset Since,
    DateTimeOffset LastBeat,
    long Processed,
    string? LastError);
