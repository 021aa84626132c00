using System.Runtime.InteropServices;
using System.Text.Json;

namespace Edge.Dicom.Tests.Pixel;

/// <summary>
/// Every native, deflated, big-endian, RLE and JPEG Lossless image of pydicom's test_files decodes to the committed
/// oracle (pydicom's pixel_array, or dcmtk's dcmdjpeg output for JPEG Lossless), frame by frame, byte for byte.
/// </summary>
public sealed class DicomPixelDataCorpusTests
{
    public static TheoryData<string> DecodableFiles => [.. PixelOracle.Entries.Where(e => e.GetProperty("source").GetString() != "rejected").Select(e => e.GetProperty("file").GetString()!)];

    public static TheoryData<string> RejectedFiles => [.. PixelOracle.Entries.Where(e => e.GetProperty("source").GetString() == "rejected").Select(e => e.GetProperty("file").GetString()!)];

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Frames_equal_the_oracle(string file)
    {
        JsonElement entry = PixelOracle.Entry(file);
        byte[] expected = PixelOracle.Pixels(file);
        DicomPixelData pixels = DicomPixelData.FromFile(DicomFile.Open(PythonOracle.CorpusFile("test_files", file)));

        Assert.Equal(entry.GetProperty("frames").GetInt32(), pixels.NumberOfFrames);
        Assert.Equal(expected.Length, pixels.FrameLengthInBytes * pixels.NumberOfFrames);
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            byte[] frame = pixels.GetFrameBytes(f);
            ReadOnlySpan<byte> want = expected.AsSpan(f * pixels.FrameLengthInBytes, pixels.FrameLengthInBytes);
            int mismatch = want.CommonPrefixLength(frame);
            Assert.True(mismatch == want.Length, $"{file} frame {f}: first difference at byte {mismatch} of {want.Length}");
        }

        string dtype = entry.GetProperty("dtype").GetString()!;
        Assert.Equal(dtype[1] == 'i', pixels.IsSigned && pixels.BitsAllocated > 1);
        Assert.Equal(int.Parse(dtype[2..], System.Globalization.CultureInfo.InvariantCulture), pixels.BytesPerSample);
    }

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Grayscale_frames_convert_to_the_oracle_values_times_slope_plus_intercept(string file)
    {
        JsonElement entry = PixelOracle.Entry(file);
        DicomPixelData pixels = DicomPixelData.FromFile(DicomFile.Open(PythonOracle.CorpusFile("test_files", file)));
        if (pixels.SamplesPerPixel != 1)
        {
            Assert.Throws<InvalidOperationException>(() => pixels.GetFrameHu(0));
            return;
        }

        double slope = entry.GetProperty("slope").GetDouble();
        double intercept = entry.GetProperty("intercept").GetDouble();
        Assert.Equal((slope, intercept), pixels.GetRescale(0));
        double[] values = OracleValues(PixelOracle.Pixels(file), entry.GetProperty("dtype").GetString()!);
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            float[] hu = pixels.GetFrameHu(f);
            for (int i = 0; i < hu.Length; i++)
            {
                double want = (values[(f * hu.Length) + i] * slope) + intercept;
                Assert.True(Math.Abs(hu[i] - want) <= 1e-6 * Math.Max(1, Math.Abs(want)), $"{file} frame {f} pixel {i}: {hu[i]} != {want}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Files_pydicom_rejects_decode_or_fail_cleanly(string file)
    {
        try
        {
            DicomPixelData pixels = DicomPixelData.FromFile(DicomFile.Open(PythonOracle.CorpusFile("test_files", file)));
            for (int f = 0; f < pixels.NumberOfFrames; f++)
            {
                _ = pixels.GetFrameBytes(f);
            }
        }
        catch (DicomFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Theory]
    [InlineData("693_J2KI.dcm", "1.2.840.10008.1.2.4.91")]
    [InlineData("MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90")]
    [InlineData("MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80")]
    [InlineData("JPGExtended.dcm", "1.2.840.10008.1.2.4.51")]
    [InlineData("SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.4.50")]
    public void Other_compressed_syntaxes_raise_a_clear_unsupported_error(string file, string uid)
    {
        DicomPixelData pixels = DicomPixelData.FromFile(DicomFile.Open(PythonOracle.CorpusFile("test_files", file)));
        Assert.False(pixels.CanDecode);
        DicomUnsupportedTransferSyntaxException e = Assert.Throws<DicomUnsupportedTransferSyntaxException>(() => pixels.GetFrameBytes(0));
        Assert.Equal(uid, e.TransferSyntaxUid);
        Assert.Contains($"unsupported transfer syntax {DicomTransferSyntax.Lookup(uid).Name} ({uid})", e.Message, StringComparison.Ordinal);
    }

    private static double[] OracleValues(byte[] bytes, string dtype) => dtype switch
    {
        "|u1" => [.. bytes.Select(b => (double)b)],
        "|i1" => [.. bytes.Select(b => (double)(sbyte)b)],
        "<u2" => [.. MemoryMarshal.Cast<byte, ushort>(bytes).ToArray().Select(v => (double)v)],
        "<i2" => [.. MemoryMarshal.Cast<byte, short>(bytes).ToArray().Select(v => (double)v)],
        "<u4" => [.. MemoryMarshal.Cast<byte, uint>(bytes).ToArray().Select(v => (double)v)],
        "<i4" => [.. MemoryMarshal.Cast<byte, int>(bytes).ToArray().Select(v => (double)v)],
        _ => throw new InvalidOperationException($"oracle dtype {dtype}"),
    };
}
