using Edge.Sync.Mqtt;

namespace Edge.Service.Forwarding;

/// <summary>
/// Capped exponential backoff without jitter (one appliance, one PACS: no fleet to de-synchronise): no wait before the
/// first try, then base, 2 × base, 4 × base, ... up to the cap.
/// </summary>
public static class ForwardingBackoff
{
    public static TimeSpan Delay(int failures, ForwardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return failures <= 0
            ? TimeSpan.Zero
            : new Backoff(TimeSpan.FromSeconds(options.RetryBaseSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds)).Ceiling(failures - 1);
    }
}
