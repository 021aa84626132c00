using System.Globalization;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Retention;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.Retention;

/// <summary>Retention deletes received files only of finished series: after the keep window, or earlier under the quota.</summary>
public sealed class RetentionStageTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("edge-retention");
    private readonly ManualTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Files_of_finished_series_go_after_the_keep_window_and_unfinished_or_receiving_series_stay()
    {
        using Fixture f = Build(quotaBytes: 0);
        string done = f.Series("1.2.3.1", SeriesState.Done);
        string failed = f.Series("1.2.3.2", SeriesState.Failed);
        string queued = f.Series("1.2.3.3", SeriesState.Queued);
        string processing = f.Series("1.2.3.4", SeriesState.Processing);
        JobRecord leased = f.Store.EnqueueJob("1.2.3.4", 1, out _);
        Assert.Equal(leased.Id, f.Store.TryLeaseNextJob("test")!.Id);
        JobRecord waiting = f.Store.EnqueueJob("1.2.3.3", 1, out _);
        string resent = f.Series("1.2.3.5", SeriesState.Done);
        _time.Advance(TimeSpan.FromHours(23));
        string young = f.Series("1.2.3.6", SeriesState.Done);

        // A late instance of a done series is arriving: its files are needed for the next generation.
        f.Tracker.InstanceReceived(new InstanceArrival("1.2.3", "1.2.3.5", "1.2.3.5.99", Path.Combine(resent, "x.dcm")));
        _time.Advance(TimeSpan.FromHours(2));
        f.Stage.RunPass();

        Assert.False(Directory.Exists(done));
        Assert.False(Directory.Exists(failed));
        Assert.True(Directory.Exists(queued));
        Assert.True(Directory.Exists(processing));
        Assert.True(Directory.Exists(resent));
        Assert.True(Directory.Exists(young));
        Assert.NotNull(f.Store.GetSeries("1.2.3.1")!.FilesPurgedAt);

        // The pruning that runs with each pass leaves unfinished jobs alone, however old.
        _time.Advance(TimeSpan.FromDays(400));
        f.Stage.RunPass();
        Assert.Equal(JobState.Queued, f.Store.GetJob(waiting.Id)!.State);
        Assert.Equal(JobState.Leased, f.Store.GetJob(leased.Id)!.State);
        Assert.Null(f.Store.GetSeries("1.2.3.3")!.FilesPurgedAt);
    }

    [Fact]
    public void Over_the_quota_finished_series_go_early_oldest_first_and_unfinished_ones_never()
    {
        using Fixture probe = Build(quotaBytes: 0);
        long database = probe.Store.GetFootprintBytes();
        probe.Dispose();

        // Room for the database and about two series of 100 KiB.
        using Fixture f = Build(quotaBytes: database + (250 * 1024));
        string oldest = f.Series("1.2.4.1", SeriesState.Done);
        _time.Advance(TimeSpan.FromMinutes(1));
        string queued = f.Series("1.2.4.2", SeriesState.Queued);
        _time.Advance(TimeSpan.FromMinutes(1));
        string middle = f.Series("1.2.4.3", SeriesState.Done);
        _time.Advance(TimeSpan.FromMinutes(1));
        string newest = f.Series("1.2.4.4", SeriesState.Done);
        _time.Advance(TimeSpan.FromMinutes(1));

        f.Stage.RunPass();

        Assert.False(Directory.Exists(oldest));
        Assert.False(Directory.Exists(middle));
        Assert.True(Directory.Exists(queued));
        Assert.True(Directory.Exists(newest));
        Assert.False(f.Usage.Current.OverQuota);
    }

    private Fixture Build(long quotaBytes)
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Root"] = _dir.Path,
            ["Storage:QuotaBytes"] = quotaBytes.ToString(CultureInfo.InvariantCulture),
            ["Dicom:MinimumFreeDiskBytes"] = "0",
        }).Build();
        ConfigurationReport report = EdgeConfigurationValidator.Validate(config, out EdgeSettings? settings);
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        return new Fixture(settings!, _time);
    }

    private sealed class Fixture : IDisposable
    {
        private readonly EdgeSettings _settings;

        public Fixture(EdgeSettings settings, TimeProvider time)
        {
            _settings = settings;
            Store = TestStore.Open(settings.Store.Path, time);
            Tracker = new SeriesCompletionTracker(new SeriesCompletionOptions(), time);
            Usage = new StorageUsage(settings, Store);
            Stage = new RetentionStage(Store, Tracker, Usage, new StageHealth(time), settings, NullLogger<RetentionStage>.Instance);
        }

        public EdgeStore Store { get; }

        public SeriesCompletionTracker Tracker { get; }

        public StorageUsage Usage { get; }

        public RetentionStage Stage { get; }

        /// <summary>A series with 100 KiB of received files in the SCP's layout, recorded in the given state.</summary>
        public string Series(string uid, SeriesState state)
        {
            string directory = Path.Combine(_settings.Dicom.StorageRoot, "1.2.3", uid);
            Directory.CreateDirectory(directory);
            for (int i = 0; i < 4; i++)
            {
                File.WriteAllBytes(Path.Combine(directory, $"{uid}.{i}.dcm"), new byte[25 * 1024]);
            }

            Store.UpsertSeries(new SeriesRecord { SeriesInstanceUid = uid, StudyInstanceUid = "1.2.3", State = state, StoragePath = directory, Generation = 1 });
            return directory;
        }

        public void Dispose()
        {
            Stage.Dispose();
            Store.Dispose();
        }
    }
}
