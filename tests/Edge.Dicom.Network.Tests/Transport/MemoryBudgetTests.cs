using Edge.Dicom.Network.Transport;

namespace Edge.Dicom.Network.Tests.Transport;

public sealed class MemoryBudgetTests
{
    [Fact]
    public async Task Grants_until_exhausted_then_waits_for_a_release()
    {
        var budget = new MemoryBudget(100);
        await budget.AcquireAsync(60, CancellationToken.None);
        ValueTask second = budget.AcquireAsync(60, CancellationToken.None);

        Assert.False(second.IsCompleted);
        budget.Release(60);
        await second.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(40, budget.Available);
    }

    [Fact]
    public async Task Waiters_are_served_in_order_so_a_large_request_is_not_starved()
    {
        var budget = new MemoryBudget(100);
        await budget.AcquireAsync(90, CancellationToken.None);
        ValueTask large = budget.AcquireAsync(80, CancellationToken.None);
        ValueTask small = budget.AcquireAsync(5, CancellationToken.None);

        Assert.False(small.IsCompleted);
        budget.Release(90);
        await large.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await small.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(15, budget.Available);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_nothing()
    {
        var budget = new MemoryBudget(10);
        await budget.AcquireAsync(10, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        ValueTask waiting = budget.AcquireAsync(5, cts.Token);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask());
        budget.Release(10);
        Assert.Equal(10, budget.Available);
    }

    [Fact]
    public void A_request_larger_than_the_whole_budget_is_a_bug_not_a_wait()
    {
        var budget = new MemoryBudget(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => budget.AcquireAsync(11, CancellationToken.None));
    }
}
