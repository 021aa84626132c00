using BenchmarkDotNet.Attributes;
using Edge.Imaging.Phantom;

namespace Edge.Benchmarks.Imaging;

/// <summary>
/// Rendering the synthetic CT phantom (anatomy, noise, blur, labels) at 300×512×512, 1 mm, on all cores; target
/// under 10 s. Writing the DICOM files is timed whole-process in peers/volume-assembly.sh.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PhantomBenchmarks
{
    [Params(64, 300)]
    public int Slices { get; set; }

    [Benchmark]
    public PhantomVolume Generate() =>
        PhantomGenerator.Generate(new PhantomOptions { Seed = 1, Size = 512, Slices = Slices, SliceThicknessMm = 1.0, Lesion = true, LesionDiameterMm = 20 });
}
