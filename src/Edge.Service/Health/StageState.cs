namespace Edge.Service.Health;

/// <summary>What a pipeline stage is doing, as far as liveness is concerned.</summary>
public enum StageState
{
    /// <summary>Registered; its loop has not run yet.</summary>
    Starting,

    /// <summary>Waiting for work; beats every few seconds while it waits.</summary>
    Idle,

    /// <summary>Working on one item, allowed a stage-specific time before it counts as hung.</summary>
    Busy,

    /// <summary>Its loop threw; the supervisor restarts it after a pause.</summary>
    Faulted,

    /// <summary>Ended with the host.</summary>
    Stopped,
}
