using BenchmarkDotNet.Attributes;
using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;
using Edge.Inference.Preprocessing;

namespace Edge.Benchmarks.Inference;

/// <summary>
/// The cascade's second-stage input: the pancreas box of a 300 x 512 x 512 scan (1 mm slices, 0.74 mm pixels; the box
/// the reference localizer picks on the latency phantom, 87 x 106 x 254 voxels) anti-aliased and resampled to 2 mm.
/// Baseline: crop, filter the crop at full resolution, resample; against the fused axis-by-axis path.
/// </summary>
[MemoryDiagnoser]
public class CascadePreprocessingBenchmarks
{
    private static readonly VoxelSpacing Target = new(2, 2, 2);
    private static readonly VolumeShape Box = new(87, 106, 254);
    private CtVolume _scan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shape = new VolumeShape(300, 512, 512);
        var random = new Random(11);
        float[] voxels = GC.AllocateUninitializedArray<float>((int)shape.VoxelCount);
        for (int i = 0; i < voxels.Length; i++)
        {
            voxels[i] = 40 + (float)(random.NextDouble() * 20);
        }

        _scan = new CtVolume(VolumeGeometry.Axial(shape, new VoxelSpacing(1, 0.74, 0.74), Vector3D.Zero), voxels);
    }

    [Benchmark(Baseline = true)]
    public int CropFilterResample()
    {
        CtVolume crop = VolumeOps.Crop(_scan, 120, 200, 130, Box);
        AntialiasFilter.Apply(crop, Target);
        return TrilinearResampler.Resample(crop, Target).Voxels.Length;
    }

    [Benchmark]
    public int FusedAxisByAxis() =>
        FilteredResampler.Resample(_scan, 120, 200, 130, Box, Target,
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(1, 2)),
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(0.74, 2)),
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(0.74, 2))).Voxels.Length;
}
