namespace Edge.Service.Forwarding;

/// <summary>Section <c>Forwarding</c>: how the queue retries. The destinations themselves are the <c>Destinations</c> list.</summary>
public sealed class ForwardingOptions
{
    public const string SectionName = "Forwarding";

    public const string DestinationsSection = "Destinations";

    /// <summary>
    /// First retry delay after a failure, doubled per consecutive failure. 5 s: a PACS that refused an association
    /// because it was busy has usually recovered; shorter would hammer a PACS that is restarting.
    /// </summary>
    public double RetryBaseSeconds { get; set; } = 5;

    /// <summary>Cap of the backoff. 300 s: an outage is noticed within five minutes of its end, as storescp-based routers do.</summary>
    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>
    /// Times the destination may refuse one instance (a failure status, or an unreadable file) before it is
    /// dead-lettered. Unreachable destinations and rejected associations do not count: an outage only delays.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Instances sent per association: a series' slices share one association instead of one each.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// How long a newly due item may wait for others to share its association. 500 ms: a scanner sends tens of slices
    /// a second, so a series goes in a few associations instead of one per slice, and no reader notices the delay.
    /// </summary>
    public int BatchWindowMilliseconds { get; set; } = 500;

    /// <summary>Connect and ACSE timeout, seconds. 30 s: dcmtk's --acse-timeout default.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 30;

    /// <summary>Waiting for each C-STORE response, seconds. 60 s: dcmtk's socket timeout.</summary>
    public int DimseTimeoutSeconds { get; set; } = 60;

    /// <summary>Finished (sent or dead-lettered) items are kept this many days for inspection, then pruned.</summary>
    public int FinishedRetentionDays { get; set; } = 7;
}
