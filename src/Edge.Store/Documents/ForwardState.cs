namespace Edge.Store.Documents;

/// <summary>Where one instance stands on its way to one DICOM destination.</summary>
public enum ForwardState
{
    /// <summary>Waiting to be sent, or waiting for its next attempt.</summary>
    Pending,

    /// <summary>The destination answered Success (or a warning: stored, possibly coerced).</summary>
    Sent,

    /// <summary>Given up after the configured attempts or a permanent failure; kept for inspection, never retried.</summary>
    DeadLetter,
}
