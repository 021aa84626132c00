namespace Edge.Store.Documents;

public enum JobState
{
    Queued,

    /// <summary>Claimed by a worker; re-queued at start-up if the process died holding it.</summary>
    Leased,

    Done,

    Failed,

    /// <summary>Ended without a result because more instances of its series arrived; a later generation replaces it.</summary>
    Superseded,
}
