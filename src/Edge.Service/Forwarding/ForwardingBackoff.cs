namespace Edge.Service.Forwarding;

/// <summary>Capped exponential backoff: base, 2 × base, 4 × base, ... up to the cap.</summary>
public static class ForwardingBackoff
{
    public static TimeSpan Delay(int failures, ForwardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^30 × the smallest base is already past any cap; clamping the exponent keeps the double finite.
        double seconds = options.RetryBaseSeconds * Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.RetryMaxSeconds));
    }
}
