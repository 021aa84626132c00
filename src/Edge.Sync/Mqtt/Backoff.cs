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
        double exponent = Math.Min(Math.Max(failures, 0), 30);
        double ceiling = Math.Min(Max.TotalMilliseconds, Min.TotalMilliseconds * Math.Pow(2, exponent));
        double jittered = ceiling * (0.5 + (_random.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Max(jittered, Math.Min(Min.TotalMilliseconds, Max.TotalMilliseconds) * 0.5));
    }
}
