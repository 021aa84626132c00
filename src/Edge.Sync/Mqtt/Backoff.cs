namespace Edge.Sync.Mqtt;

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits min x 2^n, capped, then scaled by a random factor
/// in [0.5, 1) so a fleet of devices that lost the same broker does not reconnect in lock-step.
/// </summary>
public sealed class Backoff(TimeSpan min, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    public TimeSpan Min { get; } = min;

    public TimeSpan Max { get; } = max;

    /// <summary>The delay before retry number <paramref name="failures"/> (0 for the first retry).</summary>
    public TimeSpan Delay(int failures)
    {
        double ceiling = Ceiling(failures).TotalMilliseconds;
        double jittered = ceiling * (0.5 + (_random.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Max(jittered, Math.Min(Min.TotalMilliseconds, Max.TotalMilliseconds) * 0.5));
    }

    /// <summary>The delay without jitter: min × 2^<paramref name="failures"/>, capped at max.</summary>
    public TimeSpan Ceiling(int failures)
    {
        // 2^30 × the smallest minimum is already past any cap; clamping the exponent keeps the double finite.
        double exponent = Math.Min(Math.Max(failures, 0), 30);
        return TimeSpan.FromMilliseconds(Math.Min(Max.TotalMilliseconds, Min.TotalMilliseconds * Math.Pow(2, exponent)));
    }
}
