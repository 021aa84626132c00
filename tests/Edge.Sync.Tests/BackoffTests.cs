using Edge.Sync.Mqtt;

namespace Edge.Sync.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_with_jitter_and_stop_at_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));

        for (int failures = 0; failures < 40; failures++)
        {
            double ceiling = Math.Min(60, Math.Pow(2, Math.Min(failures, 30)));
            for (int sample = 0; sample < 50; sample++)
            {
                double seconds = backoff.Delay(failures).TotalSeconds;
                Assert.InRange(seconds, ceiling * 0.5, ceiling);
            }
        }
    }

    [Fact]
    public void Jitter_spreads_a_fleet_that_failed_together()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(300), new Random(11));

        var delays = Enumerable.Range(0, 100).Select(_ => backoff.Delay(5).TotalMilliseconds).ToList();

        Assert.True(delays.Distinct().Count() > 90);
        Assert.True(delays.Max() - delays.Min() > 8_000, "jitter should spread 32 s retries over seconds");
    }
}
