using System.Globalization;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Retention;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.Forwarding;

/// <summary>
/// No received original is lost to the queue: retention never deletes one before it has been forwarded or
/// dead-lettered, and a queue entry lost to a crash is recreated at start.
/// </summary>
public sealed class ForwardingRetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new("edge-fwd-retention");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Files_stay_while_an_item_is_pending_or_was_never_queued_and_go_once_every_item_is_finished()
    {
        EdgeSettings settings = Settings();
        using EdgeStore store = TestStore.Open(settings.Store.Path, _time);
        var plan = new ForwardingPlan(settings);
        var doorbell = new ForwardingDoorbell(plan);
        var guard = new ForwardingRetentionGuard(store, plan, doorbell, settings, NullLogger<ForwardingRetentionGuard>.Instance);
        var tracker = new SeriesCompletionTracker(new SeriesCompletionOptions(), _time);
        using var stage = new RetentionStage(store, tracker, new StorageUsage(settings, store), new StageHealth(_time), settings,
            NullLogger<RetentionStage>.Instance, guard);

        // A done series of four received CT files; three were queued as they arrived, the fourth's enqueue failed.
        PhantomSeries phantom = PhantomSeries.Write(Path.Combine(settings.Dicom.StorageRoot, "study"), seed: 1, lesion: false, size: 32, slices: 4);
        string directory = phantom.Directory;
        string[] files = [.. Directory.GetFiles(directory).Order(StringComparer.Ordinal)];
        store.EnqueueForwarding([.. files.Take(3).Select(f => new ForwardRequest("pacs", ForwardKind.Original, f, phantom.StudyInstanceUid,
            phantom.SeriesInstanceUid, Sop(f), "1.2.840.10008.5.1.4.1.1.2"))]);
        store.UpsertSeries(new SeriesRecord
        {
            SeriesInstanceUid = phantom.SeriesInstanceUid, StudyInstanceUid = phantom.StudyInstanceUid, State = SeriesState.Done,
            StoragePath = directory, Generation = 1,
        });

        _time.Advance(TimeSpan.FromHours(25));
        stage.RunPass();
        Assert.True(Directory.Exists(directory));
        Assert.Equal((1, 1), store.GetForwardingOf(files[3]));
        Assert.True(doorbell.Reader("pacs").TryRead(out _));

        // Three sent, one dead-lettered: everything is done with, so the files may go.
        IReadOnlyList<ForwardItem> due = store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10);
        Assert.Equal(4, due.Count);
        store.MarkForwarded([.. due.Take(3).Select(i => i.Id)]);
        stage.RunPass();
        Assert.True(Directory.Exists(directory));
        store.RecordForwardFailure(due[3].Id, "refused", _time.GetUtcNow(), maxAttempts: 1, permanent: false);

        // An item still pending for a destination since removed from the configuration does not hold the files.
        store.EnqueueForwarding([new ForwardRequest("old-pacs", ForwardKind.Original, files[0], phantom.StudyInstanceUid, phantom.SeriesInstanceUid,
            Sop(files[0]), "1.2.840.10008.5.1.4.1.1.2")]);
        stage.RunPass();
        Assert.False(Directory.Exists(directory));
        Assert.NotNull(store.GetSeries(phantom.SeriesInstanceUid)!.FilesPurgedAt);
    }

    [Fact]
    public void Result_objects_go_after_the_keep_window_once_none_waits_to_be_forwarded()
    {
        EdgeSettings settings = Settings();
        using EdgeStore store = TestStore.Open(settings.Store.Path, _time);
        var plan = new ForwardingPlan(settings);
        var guard = new ForwardingRetentionGuard(store, plan, new ForwardingDoorbell(plan), settings, NullLogger<ForwardingRetentionGuard>.Instance);
        string sent = Directory.CreateDirectory(Path.Combine(settings.ResultObjectsRoot, "a", "pancreas-ref")).FullName;
        string waiting = Directory.CreateDirectory(Path.Combine(settings.ResultObjectsRoot, "b", "pancreas-ref")).FullName;
        File.WriteAllBytes(Path.Combine(sent, "SR_1.dcm"), [1]);
        File.WriteAllBytes(Path.Combine(waiting, "SR_2.dcm"), [2]);
        store.EnqueueForwarding([
            new ForwardRequest("pacs", ForwardKind.Result, Path.Combine(sent, "SR_1.dcm"), "1", "2", "1.1", "1.2.840.10008.5.1.4.1.1.88.34"),
            new ForwardRequest("pacs", ForwardKind.Result, Path.Combine(waiting, "SR_2.dcm"), "1", "2", "1.2", "1.2.840.10008.5.1.4.1.1.88.34")]);
        store.MarkForwarded([store.PeekDueForwarding("pacs", _time.GetUtcNow(), 10).Single(i => i.SopInstanceUid == "1.1").Id]);

        // Inside the keep window both stay, whatever their state.
        guard.Prune(DateTimeOffset.UtcNow);
        Assert.True(Directory.Exists(sent));

        guard.Prune(DateTimeOffset.UtcNow + TimeSpan.FromHours(25));
        Assert.False(Directory.Exists(Path.GetDirectoryName(sent)));
        Assert.True(Directory.Exists(waiting));
    }

    [Fact]
    public void Recovery_at_start_queues_received_originals_that_have_no_item_and_nothing_twice()
    {
        EdgeSettings settings = Settings();
        using EdgeStore store = TestStore.Open(settings.Store.Path, _time);
        var plan = new ForwardingPlan(settings);
        PhantomSeries phantom = PhantomSeries.Write(_dir.File("phantom"), seed: 2, lesion: false, size: 32, slices: 5);
        string series = Directory.CreateDirectory(Path.Combine(settings.Dicom.StorageRoot, phantom.StudyInstanceUid, phantom.SeriesInstanceUid)).FullName;
        string[] files = [.. Directory.GetFiles(phantom.Directory).Order(StringComparer.Ordinal).Select(f =>
        {
            string to = Path.Combine(series, Sop(f) + ".dcm");
            File.Copy(f, to);
            return to;
        })];

        // Two were queued as they arrived, and one of them has been sent already; three entries were lost.
        store.EnqueueForwarding([.. files.Take(2).Select(f => new ForwardRequest("pacs", ForwardKind.Original, f, phantom.StudyInstanceUid,
            phantom.SeriesInstanceUid, Sop(f), "1.2.840.10008.5.1.4.1.1.2"))]);
        store.MarkForwarded([store.PeekDueForwarding("pacs", _time.GetUtcNow(), 1)[0].Id]);
        var recovery = new ForwardingRecovery(store, plan, new ForwardingDoorbell(plan), settings, TimeProvider.System,
            NullLogger<ForwardingRecovery>.Instance);

        Assert.Equal(3, recovery.Run());
        Assert.Equal(0, recovery.Run());
        Assert.Equal(new[] { 1, 1, 1, 1, 1 }, files.Select(f => store.GetForwardingOf(f).Items));
        Assert.Equal(4, store.GetForwardingStats().Pending);
        Assert.Equal(1, store.GetForwardingStats().Sent);
        Assert.All(store.PeekDueForwarding("pacs", DateTimeOffset.MaxValue.AddDays(-1), 10),
            i => Assert.Equal((phantom.StudyInstanceUid, phantom.SeriesInstanceUid), (i.StudyInstanceUid, i.SeriesInstanceUid)));
    }

    /// <summary>One PACS that takes originals and results; the data under this test's folder.</summary>
    private EdgeSettings Settings()
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Root"] = _dir.Path,
            ["Dicom:MinimumFreeDiskBytes"] = "0",
            ["Destinations:0:Name"] = "pacs",
            ["Destinations:0:AeTitle"] = "PACS",
            ["Destinations:0:Host"] = "127.0.0.1",
            ["Destinations:0:Port"] = "104",
        }).Build();
        ConfigurationReport report = EdgeConfigurationValidator.Validate(config, out EdgeSettings? settings);
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        return settings!;
    }

    private static string Sop(string path) =>
        Edge.Dicom.DicomFile.Open(path, Edge.Dicom.DicomReadOptions.HeaderOnly).Dataset.GetString(Edge.Dicom.DicomTags.SOPInstanceUID)!;
}
