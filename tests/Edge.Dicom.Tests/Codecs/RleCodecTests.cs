namespace Edge.Dicom.Tests.Codecs;

public sealed class RleCodecTests
{
    [Fact]
    public void Encoding_follows_PS3_5_annex_G()
    {
        // One 8-bit row: three equal bytes (replicate run), then a literal run that absorbs a pair.
        byte[] row = [7, 7, 7, 1, 2, 2, 3];
        byte[] encoded = RleCodec.Encode(row, 1, row.Length, 1, 8);
        Assert.Equal(1u, BitConverter.ToUInt32(encoded, 0));
        Assert.Equal(64u, BitConverter.ToUInt32(encoded, 4));
        Assert.All(Enumerable.Range(2, 14), i => Assert.Equal(0u, BitConverter.ToUInt32(encoded, 4 * i)));

        // -2 (repeat 3 times) 7, then literal of 4: 1 2 2 3, padded with zero to even length.
        Assert.Equal(new byte[] { 0xFE, 7, 3, 1, 2, 2, 3, 0 }, encoded[64..]);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 3)]
    [InlineData(16, 1)]
    [InlineData(16, 3)]
    [InlineData(32, 1)]
    public void Round_trip_preserves_every_byte(int bitsAllocated, int samples)
    {
        const int rows = 13;
        const int columns = 300;
        var random = new Random(bitsAllocated + samples);
        byte[] frame = new byte[rows * columns * samples * (bitsAllocated / 8)];
        for (int i = 0; i < frame.Length; i++)
        {
            // Long runs, short pairs and noise.
            frame[i] = (i / 97 % 3) switch { 0 => 42, 1 => (byte)(i / 2), _ => (byte)random.Next(256) };
        }

        byte[] encoded = RleCodec.Encode(frame, rows, columns, samples, bitsAllocated);
        byte[] decoded = new byte[frame.Length];
        RleCodec.Decode(encoded, decoded, rows, columns, samples, bitsAllocated);
        Assert.Equal(frame, decoded);
    }

    [Fact]
    public void Malformed_frames_are_format_errors()
    {
        byte[] frame = [.. Enumerable.Range(0, 64).Select(i => (byte)i)];
        byte[] encoded = RleCodec.Encode(frame, 8, 8, 1, 8);
        byte[] output = new byte[64];

        Assert.Throws<DicomFormatException>(() => RleCodec.Decode(encoded.AsSpan(0, 40), output, 8, 8, 1, 8));
        Assert.Contains("segments", Assert.Throws<DicomFormatException>(() => RleCodec.Decode(encoded, new byte[128], 8, 8, 1, 16)).Message, StringComparison.Ordinal);

        byte[] badOffset = (byte[])encoded.Clone();
        BitConverter.TryWriteBytes(badOffset.AsSpan(4), 100000u);
        Assert.Throws<DicomFormatException>(() => RleCodec.Decode(badOffset, output, 8, 8, 1, 8));

        Assert.Contains("RLE segment 0", Assert.Throws<DicomFormatException>(() => RleCodec.Decode(encoded.AsSpan(0, encoded.Length - 20), output, 8, 8, 1, 8)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_frames_only_ever_raise_format_errors()
    {
        var random = new Random(7);
        byte[] frame = [.. Enumerable.Range(0, 3 * 40 * 40 * 2).Select(i => (byte)(i % 7 == 0 ? random.Next(256) : i / 50))];
        byte[] seed = RleCodec.Encode(frame, 40, 40, 3, 16);
        byte[] output = new byte[frame.Length];
        for (int i = 0; i < 3000; i++)
        {
            try
            {
                RleCodec.Decode(JpegLosslessDecoderTests.Mutate(seed, random), output, 40, 40, 3, 16);
            }
            catch (DicomFormatException)
            {
            }
        }
    }
}
