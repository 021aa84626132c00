using BenchmarkDotNet.Attributes;
using Edge.Dicom;

namespace Edge.Benchmarks;

/// <summary>
/// The reader on the hot path of a 300-slice series: opening a 512 x 512 16-bit CT instance for its header only
/// (what series assembly does for every slice), versus a full read, and writing it back.
/// </summary>
[MemoryDiagnoser]
public class DicomHeaderBenchmarks
{
    private const int Size = 512;

    private string _folder = string.Empty;
    private string _path = string.Empty;
    private byte[] _bytes = [];
    private DicomFile? _file;
    private MemoryStream _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "edge-bench-header-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "ct.dcm");
        SyntheticCt.Write(_path, Size, seed: 2);
        _bytes = File.ReadAllBytes(_path);
        _file = DicomFile.Open(_path);
        _sink = new MemoryStream(_bytes.Length + 4096);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "open 512x512 CT, header only")]
    public int OpenHeaderOnly() => DicomFile.Open(_path, DicomReadOptions.HeaderOnly).Dataset.Count;

    [Benchmark(Description = "open 512x512 CT, whole file")]
    public int OpenFull() => DicomFile.Open(_path).Dataset.Count;

    [Benchmark(Description = "parse 512x512 CT from memory")]
    public int ParseFromMemory() => DicomFile.Read(_bytes).Dataset.Count;

    [Benchmark(Description = "write 512x512 CT as Part 10")]
    public long WritePart10()
    {
        _sink.Position = 0;
        _file!.Save(_sink);
        return _sink.Position;
    }
}
