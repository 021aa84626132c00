using System.Runtime.InteropServices;

namespace Edge.Dicom.Tests.Pixel;

public sealed class DicomPixelDataTests
{
    private static DicomDataset Image(int rows, int columns, int bitsAllocated, int bitsStored, int highBit, bool signed, byte[] pixels, int samples = 1, int planar = 0, int frames = 1)
    {
        var ds = new DicomDataset();
        ds.SetUInt16(DicomTags.Rows, (ushort)rows);
        ds.SetUInt16(DicomTags.Columns, (ushort)columns);
        ds.SetUInt16(DicomTags.SamplesPerPixel, (ushort)samples);
        ds.SetUInt16(DicomTags.BitsAllocated, (ushort)bitsAllocated);
        ds.SetUInt16(DicomTags.BitsStored, (ushort)bitsStored);
        ds.SetUInt16(DicomTags.HighBit, (ushort)highBit);
        ds.SetUInt16(DicomTags.PixelRepresentation, signed ? (ushort)1 : (ushort)0);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, samples == 1 ? "MONOCHROME2" : "RGB");
        if (samples > 1)
        {
            ds.SetUInt16(DicomTags.PlanarConfiguration, (ushort)planar);
        }

        if (frames > 1)
        {
            ds.SetIntegerString(DicomTags.NumberOfFrames, frames);
        }

        ds.AddOrUpdate(DicomTags.PixelData, bitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, pixels);
        return ds;
    }

    private static byte[] Words(params ushort[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static DicomPixelData Pixels(DicomDataset ds) => DicomPixelData.FromDataset(ds, DicomTransferSyntax.ExplicitVRLittleEndian);

    [Fact]
    public void Signed_values_are_sign_extended_from_bits_stored_and_stray_high_bits_dropped()
    {
        DicomPixelData pixels = Pixels(Image(1, 4, 16, 12, 11, true, Words(0x0FFF, 0x0800, 0x07FF, 0xF123)));
        Assert.Equal(new short[] { -1, -2048, 2047, 0x123 }, (short[])pixels.GetFrame(0));
    }

    [Fact]
    public void Unsigned_values_are_masked_to_bits_stored_below_the_high_bit()
    {
        Assert.Equal(new ushort[] { 0x123, 0xFFF }, (ushort[])Pixels(Image(1, 2, 16, 12, 11, false, Words(0xF123, 0x0FFF))).GetFrame(0));

        // High Bit 13: the 12 stored bits are bits 2-13.
        Assert.Equal(new ushort[] { 0xFFF, 0x001 }, (ushort[])Pixels(Image(1, 2, 16, 12, 13, false, Words(0x3FFC, 0xC007))).GetFrame(0));
    }

    [Fact]
    public void Eight_and_thirty_two_bit_samples_are_masked_and_extended_too()
    {
        Assert.Equal(new sbyte[] { -8, 7 }, (sbyte[])Pixels(Image(1, 2, 8, 4, 3, true, [0x08, 0xF7])).GetFrame(0));
        byte[] words = MemoryMarshal.AsBytes(new uint[] { 0x00FFFFFF, 0xFF000001 }.AsSpan()).ToArray();
        Assert.Equal(new int[] { -1, 1 }, (int[])Pixels(Image(1, 2, 32, 24, 23, true, words)).GetFrame(0));
    }

    [Fact]
    public void Hu_conversion_applies_slope_and_intercept_to_the_masked_value()
    {
        // 37 x 29 leaves a remainder after the vector loop; random stray bits above Bits Stored must not leak in.
        var random = new Random(1);
        ushort[] raw = [.. Enumerable.Range(0, 37 * 29).Select(_ => (ushort)random.Next(65536))];
        DicomDataset ds = Image(29, 37, 16, 12, 11, true, Words(raw));
        ds.SetDecimalString(DicomTags.RescaleSlope, 0.5);
        ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
        DicomPixelData pixels = Pixels(ds);

        float[] hu = pixels.GetFrameHu(0);
        short[] values = (short[])pixels.GetFrame(0);
        for (int i = 0; i < raw.Length; i++)
        {
            int stored = (short)(raw[i] << 4) >> 4;
            Assert.Equal(stored, values[i]);
            Assert.Equal((stored * 0.5f) - 1024f, hu[i]);
        }
    }

    [Fact]
    public void Unsigned_hu_conversion_matches_scalar_arithmetic()
    {
        ushort[] raw = [.. Enumerable.Range(0, 1000).Select(i => (ushort)(i * 65))];
        DicomDataset ds = Image(10, 100, 16, 16, 15, false, Words(raw));
        ds.SetDecimalString(DicomTags.RescaleIntercept, -1024);
        float[] hu = Pixels(ds).GetFrameHu(0);
        Assert.Equal(raw.Select(v => v - 1024f), hu);
    }

    [Fact]
    public void Planar_configuration_one_decodes_interleaved()
    {
        byte[] planar = [1, 2, 3, 4, 10, 20, 30, 40, 100, 101, 102, 103];
        DicomPixelData pixels = Pixels(Image(2, 2, 8, 8, 7, false, planar, samples: 3, planar: 1));
        Assert.Equal(new byte[] { 1, 10, 100, 2, 20, 101, 3, 30, 102, 4, 40, 103 }, pixels.GetFrameBytes(0));
        Assert.Throws<InvalidOperationException>(() => pixels.GetFrameHu(0));
    }

    [Fact]
    public void Missing_or_inconsistent_attributes_are_named()
    {
        DicomDataset noRows = Image(2, 2, 16, 16, 15, false, new byte[8]);
        noRows.Remove(DicomTags.Rows);
        Assert.Equal(DicomTags.Rows, Assert.Throws<DicomFormatException>(() => Pixels(noRows)).Tag);

        Assert.Equal(DicomTags.BitsStored, Assert.Throws<DicomFormatException>(() => Pixels(Image(2, 2, 16, 17, 16, false, new byte[8]))).Tag);
        Assert.Equal(DicomTags.HighBit, Assert.Throws<DicomFormatException>(() => Pixels(Image(2, 2, 16, 12, 16, false, new byte[8]))).Tag);
        Assert.Equal(DicomTags.BitsAllocated, Assert.Throws<DicomFormatException>(() => Pixels(Image(2, 2, 12, 12, 11, false, new byte[8]))).Tag);

        DicomDataset noPixels = Image(2, 2, 16, 16, 15, false, new byte[8]);
        noPixels.Remove(DicomTags.PixelData);
        Assert.Equal(DicomTags.PixelData, Assert.Throws<DicomFormatException>(() => Pixels(noPixels)).Tag);
    }

    [Fact]
    public void Frames_beyond_the_data_are_format_errors_and_frame_numbers_are_checked()
    {
        DicomPixelData pixels = Pixels(Image(2, 2, 16, 16, 15, false, Words(1, 2, 3, 4, 5, 6), frames: 2));
        Assert.Equal(new ushort[] { 1, 2, 3, 4 }, (ushort[])pixels.GetFrame(0));
        DicomFormatException e = Assert.Throws<DicomFormatException>(() => pixels.GetFrame(1));
        Assert.Equal(DicomFormatError.InvalidLength, e.Error);
        Assert.Contains("frame 1 of 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<DicomFormatException>(() => pixels.GetFrameHu(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => pixels.GetFrame(-1));
        Assert.Throws<ArgumentException>(() => pixels.DecodeFrame<byte>(0, new byte[8]));
        Assert.Throws<ArgumentException>(() => pixels.DecodeFrame(0, new byte[7]));
    }

    [Fact]
    public void Single_bit_pixels_unpack_least_significant_bit_first_across_frame_boundaries()
    {
        var ds = Image(1, 5, 1, 1, 0, false, [0b1110_0101, 0b0000_0011], frames: 2);
        DicomPixelData pixels = Pixels(ds);
        Assert.Equal(new byte[] { 1, 0, 1, 0, 0 }, pixels.GetFrameBytes(0));
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1 }, pixels.GetFrameBytes(1));
    }

    [Fact]
    public void Per_frame_functional_groups_override_shared_and_top_level_rescale()
    {
        DicomDataset ds = Image(1, 2, 16, 16, 15, true, Words(10, 20, 30, 40), frames: 2);
        ds.SetDecimalString(DicomTags.RescaleIntercept, -5000);
        var sharedTransform = new DicomDataset();
        sharedTransform.SetDecimalString(DicomTags.RescaleSlope, 2);
        sharedTransform.SetDecimalString(DicomTags.RescaleIntercept, -1024);
        var shared = new DicomDataset();
        shared.SetSequence(DicomTags.PixelValueTransformationSequence, sharedTransform);
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, shared);

        var frame2Transform = new DicomDataset();
        frame2Transform.SetDecimalString(DicomTags.RescaleIntercept, -1000);
        var frame1 = new DicomDataset();
        var frame2 = new DicomDataset();
        frame2.SetSequence(DicomTags.PixelValueTransformationSequence, frame2Transform);
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, frame1, frame2);

        DicomPixelData pixels = Pixels(ds);
        Assert.Equal((2.0, -1024.0), pixels.GetRescale(0));
        Assert.Equal((2.0, -1000.0), pixels.GetRescale(1));
        Assert.Equal(new float[] { -1004, -984 }, pixels.GetFrameHu(0));
        Assert.Equal(new float[] { -940, -920 }, pixels.GetFrameHu(1));
    }

    [Fact]
    public void Encapsulated_frames_are_found_by_offset_tables_never_by_trust()
    {
        // Two RLE frames, each split over two fragments.
        byte[][] frames = [[1, 1, 1, 1, 2, 3, 4, 5, 9, 9, 9, 9], [7, 7, 7, 8, 8, 8, 0, 1, 2, 3, 4, 5]];
        byte[][] encoded = [.. frames.Select(f => RleCodec.Encode(f, 3, 4, 1, 8))];
        ReadOnlyMemory<byte>[] fragments = [encoded[0].AsMemory(0, 40), encoded[0].AsMemory(40), encoded[1].AsMemory(0, 30), encoded[1].AsMemory(30)];
        uint secondFrame = (uint)(8 + 40 + 8 + (encoded[0].Length - 40));

        DicomPixelData WithTable(IEnumerable<uint> offsets, Action<DicomDataset>? extra = null)
        {
            DicomDataset ds = Image(3, 4, 8, 8, 7, false, [], frames: 2);
            ds.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, offsets, fragments));
            extra?.Invoke(ds);
            return DicomPixelData.FromDataset(ds, DicomTransferSyntax.RleLossless);
        }

        DicomPixelData basic = WithTable([0, secondFrame]);
        Assert.Equal(frames[0], basic.GetFrameBytes(0));
        Assert.Equal(frames[1], basic.GetFrameBytes(1));

        DicomPixelData extended = WithTable([], ds =>
        {
            ds.AddOrUpdate(DicomTags.ExtendedOffsetTable, DicomVR.OV, MemoryMarshal.AsBytes(new ulong[] { 0, secondFrame }.AsSpan()).ToArray());
            ds.AddOrUpdate(DicomTags.ExtendedOffsetTableLengths, DicomVR.OV, MemoryMarshal.AsBytes(new ulong[] { 1, 1 }.AsSpan()).ToArray());
        });
        Assert.Equal(frames[1], extended.GetFrameBytes(1));

        Assert.Contains("cannot tell", Assert.Throws<DicomFormatException>(() => WithTable([]).GetFrameBytes(0)).Message, StringComparison.Ordinal);
        Assert.Throws<DicomFormatException>(() => WithTable([0, secondFrame + 2]).GetFrameBytes(0));
        Assert.Throws<DicomFormatException>(() => WithTable([0, 0]).GetFrameBytes(0));
    }
}
