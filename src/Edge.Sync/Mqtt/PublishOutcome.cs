namespace Edge.Sync.Mqtt;

/// <summary>How one publish of an outbox entry ended.</summary>
internal enum PublishOutcome
{
    /// <summary>PUBACK with a success reason code (Success or NoMatchingSubscribers).</summary>
    Acknowledged,

    /// <summary>PUBACK with a refusal that retrying cannot fix (not authorized, bad topic, bad payload).</summary>
    Refused,

    /// <summary>PUBACK with a refusal that may clear (quota, unspecified); retried after a pause.</summary>
    RefusedForNow,

    /// <summary>No PUBACK: the link broke or timed out; the entry stays first in line.</summary>
    LinkLost,
}
