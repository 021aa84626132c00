using BenchmarkDotNet.Attributes;
using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;

namespace Edge.Benchmarks.Imaging;

/// <summary>
/// Resampling a 300×512×512 CT volume (0.78 mm pixels, 1 mm slices) to 1.5 mm isotropic: the per-voxel scalar
/// reference, the row-blend algorithm without and with SIMD on one thread (the vectorisation speed-up), and
/// the SIMD path on all cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ResampleBenchmarks
{
    private static readonly VoxelSpacing Target = VoxelSpacing.Isotropic(1.5);
    private CtVolume _volume = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shape = new VolumeShape(300, 512, 512);
        var voxels = new float[shape.VoxelCount];
        var random = new Random(1);
        for (int i = 0; i < voxels.Length; i++)
        {
            voxels[i] = random.Next(-1024, 1500);
        }

        _volume = new CtVolume(VolumeGeometry.Axial(shape, new VoxelSpacing(1.0, 0.78, 0.78), new Vector3D(-200, -200, -500)), voxels);
    }

    [Benchmark(Baseline = true)]
    public CtVolume ScalarReference() => TrilinearResampler.ResampleReference(_volume, Target);

    [Benchmark]
    public CtVolume RowsScalarOneThread() =>
        TrilinearResampler.Resample(_volume, Target, new ResampleOptions { UseSimd = false, MaxDegreeOfParallelism = 1 });

    [Benchmark]
    public CtVolume RowsSimdOneThread() =>
        TrilinearResampler.Resample(_volume, Target, new ResampleOptions { UseSimd = true, MaxDegreeOfParallelism = 1 });

    [Benchmark]
    public CtVolume RowsSimdAllCores() => TrilinearResampler.Resample(_volume, Target);
}
