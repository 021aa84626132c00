namespace Edge.Sync.Fleet;

public enum FleetMessageKind
{
    Summary,
    Alert,
    Status,
    Heartbeat,

    /// <summary>A topic under the prefix that Edge does not publish.</summary>
    Other,
}
