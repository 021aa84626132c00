using System.Runtime.InteropServices;

namespace Edge.Dicom.Tests.Codecs;

public sealed class JpegLosslessDecoderTests
{
    private static ushort[] Image(int width, int height, int components, int precision, int seed)
    {
        // Smooth gradients with noise and a few extreme jumps, so every difference category occurs.
        var random = new Random(seed);
        int max = (1 << precision) - 1;
        var samples = new ushort[width * height * components];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < components; c++)
                {
                    int v = ((x * 37) + (y * 11) + (c * 1000) + random.Next(-20, 21)) & max;
                    if (random.Next(50) == 0)
                    {
                        v = random.Next(2) == 0 ? 0 : max;
                    }

                    samples[(((y * width) + x) * components) + c] = (ushort)v;
                }
            }
        }

        return samples;
    }

    private static ushort[] Decode16(byte[] jpeg, int count)
    {
        var output = new ushort[count];
        JpegLosslessDecoder.Decode(jpeg, MemoryMarshal.AsBytes(output.AsSpan()), 2);
        return output;
    }

    [Theory]
    [InlineData(1, 16, 0, 0, false)]
    [InlineData(2, 12, 0, 17, false)]
    [InlineData(3, 16, 0, 33, false)]
    [InlineData(4, 8, 0, 0, true)]
    [InlineData(5, 16, 2, 64, false)]
    [InlineData(6, 10, 0, 31, true)]
    [InlineData(7, 16, 0, 1, false)]
    [InlineData(1, 2, 0, 0, false)]
    public void Restart_intervals_scans_and_point_transforms_round_trip(int predictor, int precision, int pointTransform, int restartInterval, bool separateScans)
    {
        const int width = 31;
        const int height = 9;
        int components = separateScans ? 3 : 1 + (predictor % 3);
        ushort[] image = Image(width, height, components, precision, predictor);
        byte[] jpeg = TestJpegLosslessEncoder.Encode(image, width, height, components, precision, predictor, pointTransform, restartInterval, separateScans);

        JpegLosslessInfo info = JpegLosslessDecoder.ReadInfo(jpeg);
        Assert.Equal(new JpegLosslessInfo(precision, width, height, components), info);
        ushort[] expected = [.. image.Select(v => (ushort)((v >> pointTransform) << pointTransform))];
        Assert.Equal(expected, Decode16(jpeg, image.Length));
    }

    [Fact]
    public void Difference_category_16_decodes_as_32768()
    {
        // Alternating 0 and 32768 at 16 bits: every difference past the first is +/-32768 (category 16, no extra bits).
        ushort[] image = [.. Enumerable.Range(0, 64).Select(i => (ushort)(i % 2 == 0 ? 0 : 32768))];
        byte[] jpeg = TestJpegLosslessEncoder.Encode(image, 64, 1, 1, 16, 1);
        Assert.Equal(image, Decode16(jpeg, image.Length));
    }

    [Fact]
    public void Eight_bit_output_writes_one_byte_per_sample()
    {
        ushort[] image = Image(16, 4, 3, 8, 5);
        byte[] jpeg = TestJpegLosslessEncoder.Encode(image, 16, 4, 3, 8, 1);
        byte[] output = new byte[image.Length];
        JpegLosslessDecoder.Decode(jpeg, output, 1);
        Assert.Equal(image.Select(v => (byte)v), output);
    }

    [Fact]
    public void Malformed_streams_are_format_errors()
    {
        ushort[] image = Image(20, 20, 1, 12, 3);
        byte[] jpeg = TestJpegLosslessEncoder.Encode(image, 20, 20, 1, 12, 1);
        var output = new byte[800];
        Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode([0x00, 0x01], output, 2));
        Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2), output, 2));

        // Only the last two data bytes and EOI missing: the final codes would run on zero padding.
        Assert.Contains("ends before the last sample", Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode(jpeg.AsSpan(0, jpeg.Length - 4), output, 2)).Message, StringComparison.Ordinal);
        Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode(jpeg, new byte[10], 2));

        byte[] baseline = (byte[])jpeg.Clone();
        baseline[3] = 0xC0;
        Assert.Contains("SOF0", Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode(baseline, output, 2)).Message, StringComparison.Ordinal);

        byte[] lengthLie = (byte[])jpeg.Clone();
        lengthLie[4] = 0x7F;
        Assert.Throws<DicomFormatException>(() => JpegLosslessDecoder.Decode(lengthLie, output, 2));
    }

    [Fact]
    public void Mutated_streams_only_ever_raise_format_errors()
    {
        // Bit flips, truncations and byte insertions over valid streams: decoding either succeeds or throws
        // DicomFormatException; an IndexOutOfRange or any other exception fails the test.
        var random = new Random(20240514);
        byte[][] seeds =
        [
            TestJpegLosslessEncoder.Encode(Image(24, 12, 1, 16, 1), 24, 12, 1, 16, 6, restartInterval: 24),
            TestJpegLosslessEncoder.Encode(Image(12, 8, 3, 8, 2), 12, 8, 3, 8, 1, separateScans: true),
        ];
        var output = new byte[24 * 12 * 3 * 2];
        for (int i = 0; i < 3000; i++)
        {
            byte[] seed = seeds[i % seeds.Length];
            byte[] mutated = Mutate(seed, random);
            try
            {
                JpegLosslessDecoder.Decode(mutated, output, 2);
            }
            catch (DicomFormatException)
            {
            }
        }
    }

    internal static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] data = (byte[])seed.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }

                return data;
            case 1:
                return data[..random.Next(data.Length)];
            case 2:
                int at = random.Next(data.Length);
                return [.. data[..at], (byte)random.Next(256), .. data[at..]];
            default:
                data[random.Next(data.Length)] = (byte)random.Next(256);
                return data;
        }
    }
}
