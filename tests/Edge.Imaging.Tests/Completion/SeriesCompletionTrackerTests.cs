using Edge.Imaging.Completion;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Imaging.Tests.Completion;

/// <summary>Completion on a simulated clock: quiet time, open associations, late arrivals, persistence.</summary>
public sealed class SeriesCompletionTrackerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Series_completes_only_after_the_quiet_time_without_instances()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a");
        _clock.Advance(TimeSpan.FromSeconds(6));
        Receive(tracker, "1.1", "b");

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(tracker.CollectCompleted());
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.TimeUntilNextDue());

        _clock.Advance(TimeSpan.FromSeconds(1));
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.Equal("1.1", done.SeriesInstanceUid);
        Assert.Equal(1, done.Generation);
        Assert.Equal(["a", "b"], done.Instances.Select(i => i.SopInstanceUid));
        Assert.Empty(tracker.CollectCompleted());
        Assert.Null(tracker.TimeUntilNextDue());
    }

    [Fact]
    public void Open_association_holds_the_series_until_it_closes()
    {
        SeriesCompletionTracker tracker = Tracker();
        tracker.AssociationOpened("assoc-1");
        Receive(tracker, "1.1", "a", "assoc-1");

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(tracker.CollectCompleted());

        tracker.AssociationClosed("assoc-1");
        Assert.Single(tracker.CollectCompleted());
    }

    [Fact]
    public void Closing_the_association_early_still_waits_for_the_quiet_time()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        tracker.AssociationClosed("assoc-1");

        _clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(tracker.CollectCompleted());
    }

    [Fact]
    public void Association_that_only_touched_another_series_does_not_hold_this_one()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "2.2", "b", "assoc-2");
        tracker.AssociationClosed("assoc-1");

        _clock.Advance(TimeSpan.FromSeconds(10));
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.Equal("1.1", done.SeriesInstanceUid);
    }

    [Fact]
    public void Association_left_open_stops_counting_after_the_maximum_wait()
    {
        SeriesCompletionTracker tracker = Tracker(new SeriesCompletionOptions { QuietTime = TimeSpan.FromSeconds(5), MaxOpenAssociationWait = TimeSpan.FromMinutes(2) });
        Receive(tracker, "1.1", "a", "stuck");

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(tracker.CollectCompleted());
    }

    [Fact]
    public void Late_arrival_reopens_and_the_next_completion_supersedes_with_a_higher_generation()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Assert.Single(tracker.CollectCompleted()).Generation);

        _clock.Advance(TimeSpan.FromMinutes(3));
        Receive(tracker, "1.1", "b");
        Assert.Equal(SeriesStatus.Receiving, tracker.Get("1.1")!.Status);
        _clock.Advance(TimeSpan.FromSeconds(10));

        CompletedSeries second = Assert.Single(tracker.CollectCompleted());
        Assert.Equal(2, second.Generation);
        Assert.Equal(["a", "b"], second.Instances.Select(i => i.SopInstanceUid));
    }

    [Fact]
    public void Resent_instance_counts_as_activity_but_not_as_another_instance()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", file: "/old");
        _clock.Advance(TimeSpan.FromSeconds(8));
        Receive(tracker, "1.1", "a", file: "/new");
        _clock.Advance(TimeSpan.FromSeconds(8));

        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(2));
        TrackedInstance only = Assert.Single(Assert.Single(tracker.CollectCompleted()).Instances);
        Assert.Equal("/new", only.FilePath);
    }

    [Fact]
    public void Snapshot_restores_after_a_restart_without_its_dead_associations()
    {
        SeriesCompletionTracker before = Tracker();
        Receive(before, "1.1", "a", "assoc-1");
        Receive(before, "2.2", "b");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("2.2", Assert.Single(before.CollectCompleted()).SeriesInstanceUid);
        SeriesTrackerSnapshot snapshot = before.Snapshot();

        // The snapshot is plain data: what a store would save and load.
        string json = System.Text.Json.JsonSerializer.Serialize(snapshot);
        SeriesTrackerSnapshot loaded = System.Text.Json.JsonSerializer.Deserialize<SeriesTrackerSnapshot>(json)!;
        SeriesCompletionTracker after = new(new SeriesCompletionOptions(), _clock, loaded);

        CompletedSeries resumed = Assert.Single(after.CollectCompleted());
        Assert.Equal("1.1", resumed.SeriesInstanceUid);
        Assert.Equal(1, resumed.Generation);
        Assert.Equal(SeriesStatus.Complete, after.Get("2.2")!.Status);
        Assert.Equal(1, after.Get("2.2")!.Generation);
    }

    [Fact]
    public void Release_by_the_association_that_carried_the_series_completes_it_after_the_grace()
    {
        SeriesCompletionTracker tracker = Tracker(WithGrace);
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        _clock.Advance(TimeSpan.FromSeconds(0.2));
        tracker.AssociationClosed("assoc-1", released: true);

        _clock.Advance(TimeSpan.FromSeconds(0.06));
        Assert.Empty(tracker.CollectCompleted());
        Assert.Equal(TimeSpan.FromSeconds(0.04), tracker.TimeUntilNextDue());
        _clock.Advance(TimeSpan.FromSeconds(0.04));
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.Equal(["a", "b"], done.Instances.Select(i => i.SopInstanceUid));
    }

    [Fact]
    public void Aborted_association_keeps_the_quiet_time()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        tracker.AssociationClosed("assoc-1", released: false);

        _clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(tracker.CollectCompleted());
    }

    [Fact]
    public void Release_does_not_complete_a_series_that_another_association_also_carried()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        Receive(tracker, "1.1", "c", "assoc-2");

        // assoc-2 is still adding: the series waits for it whatever assoc-1 says.
        tracker.AssociationClosed("assoc-1", released: true);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(tracker.CollectCompleted());

        // Neither association alone vouches for the whole series: quiet time from the last instance.
        tracker.AssociationClosed("assoc-2", released: true);
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.Equal(3, done.Instances.Count);

        Receive(tracker, "2.2", "x", "assoc-3");
        Receive(tracker, "2.2", "y", "assoc-3");
        Receive(tracker, "2.2", "z", "assoc-4");
        tracker.AssociationClosed("assoc-4", released: false);
        tracker.AssociationClosed("assoc-3", released: true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("2.2", Assert.Single(tracker.CollectCompleted()).SeriesInstanceUid);
    }

    [Fact]
    public void Senders_with_one_association_per_image_get_the_quiet_time()
    {
        SeriesCompletionTracker tracker = Tracker();
        for (int i = 0; i < 3; i++)
        {
            string association = $"per-image-{i}";
            Receive(tracker, "1.1", $"sop-{i}", association);
            tracker.AssociationClosed(association, released: true);
            _clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Empty(tracker.CollectCompleted());
        }

        _clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(3, Assert.Single(tracker.CollectCompleted()).Instances.Count);
    }

    [Fact]
    public void Instance_after_the_release_cancels_the_early_completion()
    {
        SeriesCompletionTracker tracker = Tracker(WithGrace);
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        tracker.AssociationClosed("assoc-1", released: true);
        _clock.Advance(TimeSpan.FromSeconds(0.05));
        Receive(tracker, "1.1", "c", file: "/copied-in");

        _clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(3, Assert.Single(tracker.CollectCompleted()).Instances.Count);
    }

    [Fact]
    public void Late_resend_on_its_own_association_completes_the_next_generation_at_its_release()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        tracker.AssociationClosed("assoc-1", released: true);
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(1, Assert.Single(tracker.CollectCompleted()).Generation);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Receive(tracker, "1.1", "b", "assoc-2");
        Receive(tracker, "1.1", "c", "assoc-2");
        tracker.AssociationClosed("assoc-2", released: true);
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        CompletedSeries second = Assert.Single(tracker.CollectCompleted());
        Assert.Equal(2, second.Generation);
        Assert.Equal(["a", "b", "c"], second.Instances.Select(i => i.SopInstanceUid));
    }

    [Fact]
    public void Series_restored_after_a_restart_is_not_completed_early_by_a_new_association()
    {
        SeriesCompletionTracker before = Tracker();
        Receive(before, "1.1", "a", "assoc-1");
        SeriesCompletionTracker after = new(new SeriesCompletionOptions(), _clock, before.Snapshot());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Receive(after, "1.1", "b", "assoc-2");
        Receive(after, "1.1", "c", "assoc-2");
        after.AssociationClosed("assoc-2", released: true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(after.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(3, Assert.Single(after.CollectCompleted()).Instances.Count);
    }

    [Fact]
    public void Release_grace_at_or_above_the_quiet_time_turns_early_completion_off()
    {
        SeriesCompletionTracker tracker = Tracker(new SeriesCompletionOptions { QuietTime = TimeSpan.FromSeconds(3), ReleaseGrace = TimeSpan.FromSeconds(5) });
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        tracker.AssociationClosed("assoc-1", released: true);
        _clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Empty(tracker.CollectCompleted());
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(tracker.CollectCompleted());
    }

    [Fact]
    public void Invalid_options_are_reported_with_their_keys()
    {
        var e = Assert.Throws<ArgumentException>(() => Tracker(new SeriesCompletionOptions
        {
            QuietTime = TimeSpan.Zero, MaxOpenAssociationWait = TimeSpan.FromDays(2), ReleaseGrace = TimeSpan.FromSeconds(-1),
        }));
        Assert.Contains("Completion:QuietTime", e.Message, StringComparison.Ordinal);
        Assert.Contains("Completion:MaxOpenAssociationWait", e.Message, StringComparison.Ordinal);
        Assert.Contains("Completion:ReleaseGrace must be between 0 and 1 hour", e.Message, StringComparison.Ordinal);

        // A quiet time set below the default grace is not an error: the grace then never lengthens it.
        Assert.Empty(new SeriesCompletionOptions { QuietTime = TimeSpan.FromSeconds(0.2) }.Validate());
    }

    [Fact]
    public void By_default_the_release_completes_the_series_at_once()
    {
        SeriesCompletionTracker tracker = Tracker();
        Receive(tracker, "1.1", "a", "assoc-1");
        Receive(tracker, "1.1", "b", "assoc-1");
        Assert.Equal(TimeSpan.FromMinutes(10), tracker.TimeUntilNextDue());   // open association: waits for it

        tracker.AssociationClosed("assoc-1", released: true);

        Assert.Equal(TimeSpan.Zero, tracker.TimeUntilNextDue());
        Assert.Equal(2, Assert.Single(tracker.CollectCompleted()).Instances.Count);
    }

    private static readonly SeriesCompletionOptions WithGrace = new() { ReleaseGrace = TimeSpan.FromSeconds(0.1) };

    private SeriesCompletionTracker Tracker(SeriesCompletionOptions? options = null) => new(options ?? new SeriesCompletionOptions(), _clock);

    private static void Receive(SeriesCompletionTracker tracker, string series, string sop, string? association = null, string? file = null) =>
        tracker.InstanceReceived(new InstanceArrival("9.9", series, sop, file, association));
}
