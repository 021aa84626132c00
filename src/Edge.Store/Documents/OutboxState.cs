namespace Edge.Store.Documents;

public enum OutboxState
{
    Pending,

    /// <summary>The broker acknowledged it (PUBACK with a success reason code).</summary>
    Sent,

    /// <summary>Dropped unsent because it outlived its expiry.</summary>
    Expired,

    /// <summary>Dropped unsent because the outbox was full (oldest first).</summary>
    Dropped,

    /// <summary>The broker refused it for good (e.g. not authorized); kept for inspection, never retried.</summary>
    DeadLetter,
}
