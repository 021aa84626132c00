using Edge.Service.Pipeline;

namespace Edge.Service.Tests.Pipeline;

public sealed class ScreeningSupersessionTests
{
    [Fact]
    public void An_instance_of_the_series_being_screened_cancels_it_and_others_do_not()
    {
        var supersession = new ScreeningSupersession();
        using var stopping = new CancellationTokenSource();
        CancellationTokenSource screening = supersession.Begin("2.25.1", stopping.Token);

        supersession.InstanceArrived("2.25.2");
        Assert.False(screening.IsCancellationRequested);

        supersession.InstanceArrived("2.25.1");
        Assert.True(screening.IsCancellationRequested);
        Assert.False(stopping.IsCancellationRequested);
        supersession.End("2.25.1", screening);
    }

    [Fact]
    public void Stopping_cancels_the_screening_and_an_ended_screening_is_no_longer_cancelled()
    {
        var supersession = new ScreeningSupersession();
        using var stopping = new CancellationTokenSource();
        CancellationTokenSource first = supersession.Begin("2.25.1", stopping.Token);
        supersession.End("2.25.1", first);

        // After its end, an arrival finds nothing (and does not touch the disposed source).
        supersession.InstanceArrived("2.25.1");

        CancellationTokenSource second = supersession.Begin("2.25.1", stopping.Token);
        stopping.Cancel();
        Assert.True(second.IsCancellationRequested);
        supersession.End("2.25.1", second);
    }
}
