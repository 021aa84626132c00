using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;
using Edge.Imaging.Assembly;
using Edge.Imaging.Completion;
using Edge.Imaging.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Imaging.Tests.Completion;

public sealed class StorageCompletionEventsTests
{
    [Fact]
    public void Scp_events_drive_association_aware_completion()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var tracker = new SeriesCompletionTracker(new SeriesCompletionOptions(), clock);
        var events = new StorageCompletionEvents(tracker);
        var info = new AssociationInfo(7, "SCANNER", "EDGE", null, "1.2.3", null, 16384, clock.GetUtcNow());

        events.AssociationOpened(info);
        events.InstanceStored(new StoredInstance("/data/a.dcm", "9.9", "1.1", "a", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "SCANNER", null, 7, 1000, clock.GetUtcNow(), false));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(tracker.CollectCompleted());

        events.AssociationClosed(new AssociationSummary(7, info, null, AssociationEndReason.Released, null, 1, 0, 1000, TimeSpan.FromMinutes(1)));
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.Equal("/data/a.dcm", Assert.Single(done.Instances).FilePath);
    }

    [Theory]
    [InlineData(AssociationEndReason.Released, 0)]
    [InlineData(AssociationEndReason.AbortedByPeer, 10)]
    [InlineData(AssociationEndReason.ConnectionLost, 10)]
    [InlineData(AssociationEndReason.TimedOut, 10)]
    public void Only_a_normal_release_completes_the_series_early(AssociationEndReason end, double expectedSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var tracker = new SeriesCompletionTracker(new SeriesCompletionOptions(), clock);
        var events = new StorageCompletionEvents(tracker);
        var info = new AssociationInfo(8, "SCANNER", "EDGE", null, "1.2.3", null, 16384, clock.GetUtcNow());

        events.AssociationOpened(info);
        foreach (string sop in new[] { "a", "b" })
        {
            events.InstanceStored(new StoredInstance($"/data/{sop}.dcm", "9.9", "1.1", sop, "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "SCANNER", null, 8, 1000, clock.GetUtcNow(), false));
        }

        events.AssociationClosed(new AssociationSummary(8, info, null, end, null, 2, 0, 2000, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), tracker.TimeUntilNextDue());
    }

    [Fact]
    public void Folder_scan_feeds_one_arrival_per_file_and_the_series_completes_after_the_quiet_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var tracker = new SeriesCompletionTracker(new SeriesCompletionOptions { QuietTime = TimeSpan.FromSeconds(5) }, clock);
        SeriesScan scan = SeriesScanner.ScanDirectory(OracleSeries.Get("enhanced"));

        foreach (InstanceArrival arrival in FolderScanArrivals.From(scan))
        {
            tracker.InstanceReceived(arrival);
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        CompletedSeries done = Assert.Single(tracker.CollectCompleted());
        Assert.EndsWith("enhanced.dcm", Assert.Single(done.Instances).FilePath, StringComparison.Ordinal);
    }
}
