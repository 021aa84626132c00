using System.Globalization;
using Edge.Dicom.Network.Storage;
using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.Pipeline;

/// <summary>Pre-decoding: the stage fills the cache from SCP events, the cache stays within its budget and never serves a changed file.</summary>
public sealed class DecodedSeriesCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new("edge-predecode");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_series_decoded_whole_is_prepared_from_its_decoded_frames_without_a_copy()
    {
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 48, slices: 20);
        var cache = new DecodedSeriesCache(Settings(megabytes: 16), _time);
        PredecodeStage stage = await StartStageAsync(cache);
        try
        {
            Array.ForEach(files, file => stage.InstanceStored(Stored(file, truth.SeriesInstanceUid!)));

            stage.AssociationClosed(1, released: true);
            (PreparedVolume? prepared, _) = await WaitForPreparedAsync(cache, truth.SeriesInstanceUid!);

            Assert.NotNull(prepared);
            Edge.Imaging.CtVolume volume = prepared.Assembled.Volume;
            Edge.Imaging.CtVolume fromDisk = VolumeAssembler.AssembleFiles(files).Volume;
            // Made of the frames decoded while the series arrived, not copied into one buffer at the release.
            Assert.False(volume.IsContiguous);
            Assert.Equal(fromDisk.Shape, volume.Shape);
            for (int z = 0; z < volume.Shape.Depth; z++)
            {
                Assert.True(fromDisk.GetSlice(z).SequenceEqual(volume.GetSlice(z)), $"slice {z}");
            }
        }
        finally
        {
            await stage.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Stage_decodes_stored_instances_into_the_cache_and_assembly_takes_them()
    {
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 48, slices: 6);
        var cache = new DecodedSeriesCache(Settings(megabytes: 16), _time);
        PredecodeStage stage = await StartStageAsync(cache);
        try
        {
            Array.ForEach(files, file => stage.InstanceStored(Stored(file, truth.SeriesInstanceUid!)));

            // An instance whose file says another series is not cached under this one.
            stage.InstanceStored(Stored(files[0], "1.2.3.999"));

            // The sender released: the stage assembles the series from the cache right away.
            stage.AssociationClosed(1, released: true);
            (PreparedVolume? prepared, bool current) = await WaitForPreparedAsync(cache, truth.SeriesInstanceUid!);

            Assert.NotNull(prepared);
            Assert.True(current);
            Assert.Equal(files.ToHashSet(), prepared.Paths.ToHashSet());
            Assert.Equal(VolumeAssembler.AssembleFiles(files).Volume.Voxels, prepared.Assembled.Volume.Voxels);
            Assert.Null(cache.TakePrepared(truth.SeriesInstanceUid!).Volume);
        }
        finally
        {
            await stage.StopAsync(CancellationToken.None);
        }

        Assert.Equal(files.Length, cache.CountOf(truth.SeriesInstanceUid!));
        Assert.Equal(0, cache.CountOf("1.2.3.999"));
        Assert.Equal(files.Length * 48L * 48 * sizeof(float), cache.Bytes);
        Assert.All(files, f => Assert.NotNull(cache.Lookup(truth.SeriesInstanceUid!, f)));

        cache.Evict(truth.SeriesInstanceUid!);
        Assert.Equal(0, cache.Bytes);
        Assert.Null(cache.Lookup(truth.SeriesInstanceUid!, files[0]));
    }

    [Fact]
    public void File_changed_on_disk_after_decoding_is_not_served()
    {
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 32, slices: 2);
        var cache = new DecodedSeriesCache(Settings(megabytes: 1), _time);
        foreach (string file in files)
        {
            Add(cache, truth.SeriesInstanceUid!, file);
        }

        Assert.NotNull(cache.Lookup(truth.SeriesInstanceUid!, files[1]));
        File.SetLastWriteTimeUtc(files[1], File.GetLastWriteTimeUtc(files[1]).AddSeconds(2));
        Assert.Null(cache.Lookup(truth.SeriesInstanceUid!, files[1]));
        Assert.NotNull(cache.Lookup(truth.SeriesInstanceUid!, files[0]));
    }

    [Fact]
    public void Budget_bounds_what_is_decoded_and_orphaned_series_give_theirs_back()
    {
        // 256 x 256 floats: 256 KiB a slice, so a 1 MiB budget holds four.
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 256, slices: 5);
        var cache = new DecodedSeriesCache(Settings(megabytes: 1), _time);
        foreach (string file in files.Take(4))
        {
            Add(cache, truth.SeriesInstanceUid!, file);
        }

        Assert.Equal(1L << 20, cache.Bytes);
        Assert.False(cache.TryReserve(256 << 10));

        // Its assembly never came (a series whose record was pruned, say): after half an hour it is dropped for newer ones.
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(cache.TryReserve(256 << 10));
        Assert.Equal(0, cache.CountOf(truth.SeriesInstanceUid!));
        Assert.Equal(256L << 10, cache.Bytes);
    }

    [Fact]
    public void Instance_received_before_its_series_was_assembled_is_not_kept()
    {
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 32, slices: 2);
        var cache = new DecodedSeriesCache(Settings(megabytes: 1), _time);
        DateTimeOffset received = _time.GetUtcNow();

        // Completion outran pre-decoding: assembly read the file from disk before the stage got to it.
        _time.Advance(TimeSpan.FromSeconds(1));
        cache.Evict(truth.SeriesInstanceUid!);
        Assert.False(Add(cache, truth.SeriesInstanceUid!, files[0], received));
        Assert.Equal(0, cache.Bytes);

        // A late instance, after that assembly, is kept for the series' next generation.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Add(cache, truth.SeriesInstanceUid!, files[1]));
        Assert.Equal(1, cache.CountOf(truth.SeriesInstanceUid!));
    }

    [Fact]
    public async Task Speculative_volume_is_handed_over_once_and_goes_stale_when_a_file_is_added()
    {
        (string[] files, PhantomGroundTruth truth) = Phantom(size: 32, slices: 3);
        var cache = new DecodedSeriesCache(Settings(megabytes: 1), _time);
        string uid = truth.SeriesInstanceUid!;
        Assert.Null(cache.BeginPrepare(uid));

        Add(cache, uid, files[0]);
        Add(cache, uid, files[1]);
        var snapshot = cache.BeginPrepare(uid)!.Value;
        Assert.Null(cache.BeginPrepare(uid));
        Assert.Equal(2, snapshot.Frames.Count);
        Assert.Equal(new HashSet<string> { files[0], files[1] }, snapshot.Paths.ToHashSet());

        // An assembly that arrives while the speculative one is under way waits for it rather than competing with it.
        // The volume is built before the waiter starts: the wait is bounded in real time, and a loaded CI machine
        // (JIT, parallel test assemblies) must not turn this into a race.
        var volume = new PreparedVolume(VolumeAssembler.Assemble(snapshot.Frames), snapshot.Paths, snapshot.Version);
        Task<(PreparedVolume? Volume, bool Current)> taken = Task.Run(() => cache.TakePrepared(uid));
        await Task.Delay(100);
        cache.CompletePrepare(uid, volume);
        (PreparedVolume? got, bool current) = await taken;
        Assert.Same(volume, got);
        Assert.True(current);
        Assert.Null(cache.TakePrepared(uid).Volume);

        // A file that arrives after the snapshot makes the next speculative volume stale.
        snapshot = cache.BeginPrepare(uid)!.Value;
        Add(cache, uid, files[2]);
        cache.CompletePrepare(uid, new PreparedVolume(volume.Assembled, snapshot.Paths, snapshot.Version));
        (got, current) = cache.TakePrepared(uid);
        Assert.NotNull(got);
        Assert.False(current);

        // Once the series is assembled and dropped, nothing is prepared for it.
        cache.Evict(uid);
        Assert.Null(cache.BeginPrepare(uid));
    }

    [Fact]
    public void Zero_budget_turns_pre_decoding_off()
    {
        Assert.False(new DecodedSeriesCache(Settings(megabytes: 0), _time).Enabled);
        Assert.True(new DecodedSeriesCache(Settings(megabytes: 1), _time).Enabled);
    }

    private bool Add(DecodedSeriesCache cache, string series, string file, DateTimeOffset? receivedAt = null)
    {
        IReadOnlyList<FrameHeader> frames = DecodedInstance.ReadHeaders(file);
        Assert.True(cache.TryReserve(DecodedInstance.BytesFor(frames)));
        return cache.Add(series, DecodedInstance.Decode(frames), new FileInfo(file), receivedAt ?? _time.GetUtcNow());
    }

    private (string[] Files, PhantomGroundTruth Truth) Phantom(int size, int slices)
    {
        string directory = Path.Combine(_dir.Path, "phantom");
        PhantomGroundTruth truth = PhantomWriter.Write(PhantomGenerator.Generate(new PhantomOptions { Seed = 3, Size = size, Slices = slices, SliceThicknessMm = 2.5 }), directory);
        return ([.. Directory.GetFiles(Path.Combine(directory, "dicom")).Order(StringComparer.Ordinal)], truth);
    }

    private static StoredInstance Stored(string path, string series) => new(
        path, "1.2.3", series, Path.GetFileNameWithoutExtension(path), "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "SCANNER", null, 1,
        new FileInfo(path).Length, DateTimeOffset.UtcNow, false);

    private EdgeSettings Settings(int megabytes)
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Root"] = _dir.Path,
            ["Dicom:MinimumFreeDiskBytes"] = "0",
            ["Pipeline:PredecodeMemoryMiB"] = megabytes.ToString(CultureInfo.InvariantCulture),
        }).Build();
        ConfigurationReport report = EdgeConfigurationValidator.Validate(config, out EdgeSettings? settings);
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
        return settings!;
    }

    private async Task<PredecodeStage> StartStageAsync(DecodedSeriesCache cache)
    {
        var stage = new PredecodeStage(cache, new StageHealth(_time), Settings(megabytes: 16), NullLogger<PredecodeStage>.Instance);
        await stage.StartAsync(CancellationToken.None);
        return stage;
    }

    // The stage prepares on its own thread: poll for the volume for up to 10 s.
    private static async Task<(PreparedVolume? Volume, bool Current)> WaitForPreparedAsync(DecodedSeriesCache cache, string seriesInstanceUid)
    {
        (PreparedVolume? Volume, bool Current) taken = (null, false);
        for (int i = 0; i < 200 && taken.Volume is null; i++)
        {
            await Task.Delay(50);
            taken = cache.TakePrepared(seriesInstanceUid);
        }

        return taken;
    }
}
