using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Assembly;

/// <summary>Files decoded ahead of assembly (while a series arrives) give exactly the volume that reading them at assembly gives.</summary>
public sealed class DecodedInstanceTests
{
    private static readonly PhantomOptions Options = new() { Seed = 9, Size = 64, Slices = 24, SliceThicknessMm = 2.5, Lesion = true, LesionDiameterMm = 12 };

    [Fact]
    public void Series_mixing_decoded_and_unread_files_assembles_to_the_volume_read_from_disk()
    {
        using var directory = new TestDirectory();
        string[] files = WritePhantom(directory);
        AssembledVolume fromDisk = VolumeAssembler.AssembleFiles(files);

        // Every other file decoded ahead: what a spent budget or a full pre-decode queue leaves.
        Dictionary<string, DecodedInstance> decoded = files.Where((_, i) => i % 2 == 0)
            .Select(f => DecodedInstance.Decode(DecodedInstance.ReadHeaders(f)))
            .ToDictionary(d => d.Path, StringComparer.Ordinal);
        Assert.All(decoded.Values, d => Assert.NotNull(d.Frames[0].Source.Decoded));
        Assert.All(decoded.Values, d => Assert.Equal(64L * 64 * sizeof(float), d.Bytes));

        SeriesScan scan = SeriesScanner.ScanFiles(files, known: p => decoded.TryGetValue(p, out DecodedInstance? d) ? d.Frames : null);
        ScannedSeries series = Assert.Single(scan.Series);
        Assert.Equal(files.Length, series.FileCount);
        // Into a buffer handed over by the caller (full of garbage): every voxel must be written.
        float[] given = new float[fromDisk.Volume.Voxels.Length];
        Array.Fill(given, float.NaN);
        AssembledVolume mixed = VolumeAssembler.Assemble(series.Frames, VolumeAssemblyOptions.Default with { VoxelBuffer = n => n == given.Length ? given : null });

        Assert.Same(given, mixed.Volume.Voxels);
        Assert.Equal(fromDisk.Volume.Shape, mixed.Volume.Shape);
        Assert.Equal(fromDisk.Volume.Geometry.Origin, mixed.Volume.Geometry.Origin);
        Assert.Equal(fromDisk.Volume.Voxels, mixed.Volume.Voxels);

        // A longer buffer (prepared before the series' size was known) holds the volume at its head; the rest is untouched.
        float[] longer = new float[fromDisk.Volume.Voxels.Length + 10];
        Array.Fill(longer, float.NaN);
        AssembledVolume headed = VolumeAssembler.Assemble(series.Frames, VolumeAssemblyOptions.Default with { VoxelBuffer = n => longer });
        Assert.Same(longer, headed.Volume.Voxels);
        Assert.True(fromDisk.Volume.Data.SequenceEqual(headed.Volume.Data));
        Assert.All(longer[^10..], v => Assert.True(float.IsNaN(v)));

        // The decoded frames were the ones copied (and let go), not a second read of the file.
        Assert.All(decoded.Values, d => Assert.Null(d.Frames[0].Source.Decoded));
    }

    [Fact]
    public void A_series_decoded_whole_becomes_its_volume_without_a_copy()
    {
        using var directory = new TestDirectory();
        string[] files = WritePhantom(directory);
        AssembledVolume fromDisk = VolumeAssembler.AssembleFiles(files);
        Assert.True(fromDisk.Volume.IsContiguous);

        AssembledVolume shared = VolumeAssembler.Assemble(DecodeAll(files));
        AssembledVolume copied = VolumeAssembler.Assemble(DecodeAll(files), VolumeAssemblyOptions.Default with { ShareDecodedFrames = false });

        Assert.False(shared.Volume.IsContiguous);
        Assert.True(copied.Volume.IsContiguous);
        Assert.Equal(fromDisk.Volume.Geometry.Origin, shared.Volume.Geometry.Origin);
        Assert.Equal(fromDisk.Volume.Shape, shared.Volume.Shape);
        Assert.Equal(fromDisk.Volume.InstanceCount, shared.Volume.InstanceCount);
        Assert.Equal(fromDisk.Volume.SeriesInstanceUid, shared.Volume.SeriesInstanceUid);
        for (int z = 0; z < fromDisk.Volume.Shape.Depth; z++)
        {
            Assert.True(fromDisk.Volume.GetSlice(z).SequenceEqual(shared.Volume.GetSlice(z)), $"slice {z}");
        }

        Assert.Equal(fromDisk.Volume.Voxels, shared.Volume.Voxels);
        Assert.Equal(fromDisk.Volume.Voxels, copied.Volume.Voxels);
    }

    [Fact]
    public void Decoding_a_truncated_file_throws_what_assembly_would()
    {
        using var directory = new TestDirectory();
        string path = directory.Combine("truncated.dcm");
        PhantomWriter.Write(PhantomGenerator.Generate(Options with { Slices = 2 }), directory.Path);
        byte[] whole = File.ReadAllBytes(Directory.GetFiles(directory.Combine("dicom"))[0]);
        File.WriteAllBytes(path, whole.AsSpan(0, whole.Length - 1000).ToArray());

        // The pre-decode stage drops such a file (catching exactly these) and assembly meets the error itself.
        Exception? error = Record.Exception(() => DecodedInstance.Decode(DecodedInstance.ReadHeaders(path)));
        Assert.True(error is Edge.Dicom.DicomFormatException or InvalidDataException or IOException or VolumeAssemblyException or InvalidOperationException,
            $"unexpected {error?.GetType().Name ?? "no exception"}: {error?.Message}");
    }

    private static IReadOnlyList<FrameHeader> DecodeAll(string[] files) =>
        [.. files.SelectMany(f => DecodedInstance.Decode(DecodedInstance.ReadHeaders(f)).Frames)];

    /// <summary>Writes the test phantom's DICOM files into <paramref name="directory"/>; returns them in name order.</summary>
    private static string[] WritePhantom(TestDirectory directory)
    {
        PhantomWriter.Write(PhantomGenerator.Generate(Options), directory.Path);
        return [.. Directory.GetFiles(directory.Combine("dicom")).Order(StringComparer.Ordinal)];
    }
}
