using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Edge.Dicom;

namespace Edge.Benchmarks;

/// <summary>
/// Reading a 512 x 512 16-bit CT instance to a HU float[] (file read, parse, decode, Modality LUT), and decoding
/// the same frame from RLE and JPEG Lossless. The whole-process comparison with pydicom is peers/dicom-read.sh.
/// </summary>
[MemoryDiagnoser]
public class DicomPixelBenchmarks
{
    private const int Size = 512;

    private readonly float[] _hu = new float[Size * Size];
    private string _folder = string.Empty;
    private string _native = string.Empty;
    private DicomPixelData? _rle;
    private DicomPixelData? _jpeg;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "edge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _native = Path.Combine(_folder, "ct.dcm");
        SyntheticCt.Write(_native, Size, seed: 1);

        DicomPixelData native = DicomPixelData.FromFile(DicomFile.Open(_native));
        byte[] frame = native.GetFrameBytes(0);
        DicomDataset rle = DicomFile.Open(_native).Dataset;
        rle.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, [], [RleCodec.Encode(frame, Size, Size, 1, 16)]));
        _rle = DicomPixelData.FromDataset(rle, DicomTransferSyntax.RleLossless);

        // JPEG Lossless SV1 made by dcmtk, the peer CI installs; without it this benchmark cannot run.
        string jpeg = Path.Combine(_folder, "ct-sv1.dcm");
        using (Process p = Process.Start("/usr/bin/dcmcjpeg", ["+e1", _native, jpeg]))
        {
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException("dcmcjpeg failed: install dcmtk");
            }
        }

        _jpeg = DicomPixelData.FromFile(DicomFile.Open(jpeg));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "read 512x512 CT file to HU float[]")]
    public float ReadFileToHu()
    {
        DicomPixelData.FromFile(DicomFile.Open(_native)).DecodeFrameToHu(0, _hu);
        return _hu[Size * Size / 2];
    }

    [Benchmark(Description = "RLE Lossless frame to HU")]
    public float RleToHu()
    {
        _rle!.DecodeFrameToHu(0, _hu);
        return _hu[Size * Size / 2];
    }

    [Benchmark(Description = "JPEG Lossless SV1 frame to HU")]
    public float JpegLosslessToHu()
    {
        _jpeg!.DecodeFrameToHu(0, _hu);
        return _hu[Size * Size / 2];
    }
}
