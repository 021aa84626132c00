namespace Edge.Store.Documents;

public enum JobState
{
    Queued,

    /// <summary>Claimed by a worker; re-queued at start-up if the process died holding it.</summary>
    Leased,

    Done,

    Failed,
}
