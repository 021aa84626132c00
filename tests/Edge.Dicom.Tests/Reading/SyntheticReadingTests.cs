using System.Buffers;

namespace Edge.Dicom.Tests.Reading;

/// <summary>Encodings built byte by byte, for paths the corpus does not reach.</summary>
public sealed class SyntheticReadingTests
{
    [Fact]
    public void UN_of_undefined_length_holding_a_public_sequence_is_read_as_implicit_little_endian()
    {
        byte[] bytes = Hex.Parse(
            "0800 1511 554E 0000 FFFFFFFF" + // (0008,1115) UN, undefined length
            "FEFF 00E0 FFFFFFFF" + // item, undefined length
            "2000 0E00 04000000 312E3200" + // (0020,000E) implicit VR: "1.2\0"
            "FEFF 0DE0 00000000" + // item delimitation
            "FEFF DDE0 00000000" + // sequence delimitation
            "1000 1000 504E 0400 415E4220"); // (0010,0010) PN "A^B "
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomSequence sequence = Assert.IsType<DicomSequence>(ds[DicomTags.ReferencedSeriesSequence]);
        Assert.Equal(DicomVR.SQ, sequence.VR);
        DicomDataset item = Assert.Single(sequence.Items);
        Assert.Equal(DicomVR.UI, item[DicomTags.SeriesInstanceUID]!.VR);
        Assert.Equal("1.2", item.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal("A^B", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void UN_with_defined_length_regains_its_dictionary_VR()
    {
        byte[] bytes = Hex.Parse("2800 1000 554E 0000 02000000 0002"); // (0028,0010) Rows as UN, value 512
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(DicomVR.US, ds[DicomTags.Rows]!.VR);
        Assert.True(ds.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.Equal(512, rows);
    }

    [Fact]
    public void Odd_lengths_are_tolerated_on_read()
    {
        byte[] bytes = Hex.Parse(
            "1000 2000 4C4F 0300 414243" + // (0010,0020) LO, odd length 3
            "1000 3000 4441 0800 3230323430313032"); // (0010,0030) DA 20240102
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("ABC", ds.GetString(DicomTags.PatientID));
        Assert.Equal(new DateOnly(2024, 1, 2), ds.GetDate(DicomTags.PatientBirthDate)!.Value.Value);
    }

    [Fact]
    public void Defined_and_undefined_length_sequences_nest()
    {
        byte[] bytes = Hex.Parse(
            "0800 1511 5351 0000 2C000000" + // (0008,1115) SQ, defined length 44
            "FEFF 00E0 24000000" + // item, defined length 36
            "0800 4011 5351 0000 FFFFFFFF" + // (0008,1140) SQ, undefined
            "FEFF 00E0 FFFFFFFF" + // item, undefined
            "FEFF 0DE0 00000000" + // empty item ends
            "FEFF DDE0 00000000" + // sequence ends
            "1000 1000 504E 0200 415E"); // (0010,0010) PN "A^"
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomDataset outer = Assert.Single(ds.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items);
        DicomDataset inner = Assert.Single(outer.GetSequence(DicomTags.ReferencedImageSequence)!.Items);
        Assert.Empty(inner);
        Assert.Equal("A", ds.GetString(DicomTags.PatientName)?.TrimEnd('^'));
    }

    [Fact]
    public void Implicit_VR_undefined_length_of_a_private_tag_is_a_sequence()
    {
        byte[] bytes = Hex.Parse(
            "0900 1000 08000000 41434D4520312E30" + // (0009,0010) private creator "ACME 1.0"
            "0900 0110 FFFFFFFF" + // (0009,1001) undefined length
            "FEFF 00E0 0A000000 1000 2000 02000000 4142" + // item of 10 bytes: (0010,0020) "AB"
            "FEFF DDE0 00000000");
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        DicomSequence sequence = Assert.IsType<DicomSequence>(ds[new DicomTag(0x0009, 0x1001)]);
        Assert.Equal("AB", sequence.Items[0].GetString(DicomTags.PatientID));
        Assert.Equal("ACME 1.0", ds.PrivateCreatorOf(new DicomTag(0x0009, 0x1001)));
    }

    [Fact]
    public void Implicit_VR_resolves_US_or_SS_from_pixel_representation()
    {
        var ds = new DicomDataset();
        ds.SetUInt16(DicomTags.PixelRepresentation, 1);
        ds.SetInt16(DicomTags.SmallestImagePixelValue, -5);
        DicomDataset read = DicomDatasetReader.Read(DicomWriter.ToArray(ds, DicomTransferSyntax.ImplicitVRLittleEndian), DicomTransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(DicomVR.SS, read[DicomTags.SmallestImagePixelValue]!.VR);
        Assert.True(read.TryGetInt32(DicomTags.SmallestImagePixelValue, out int v));
        Assert.Equal(-5, v);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(100_000, false)]
    public void Nesting_depth_is_limited_without_stack_overflow(int depth, bool ok)
    {
        byte[] bytes = NestedSequences(depth);
        if (ok)
        {
            DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
            int seen = 0;
            for (DicomSequence? s = ds.GetSequence(DicomTags.ReferencedSeriesSequence); s is not null; s = s.Items[0].GetSequence(DicomTags.ReferencedSeriesSequence))
            {
                seen++;
            }

            Assert.Equal(depth, seen);
        }
        else
        {
            var e = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian));
            Assert.Equal(DicomFormatError.NestingTooDeep, e.Error);
        }
    }

    [Fact]
    public void A_length_larger_than_the_input_is_rejected_before_allocating()
    {
        // (7FE0,0010) OW claiming 0xFFFFFFF0 bytes, followed by 4 bytes.
        byte[] bytes = Hex.Parse("E07F 1000 4F57 0000 F0FFFFFF 01020304");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DicomFormatError.Truncated, e.Error);
        Assert.Equal(DicomTags.PixelData, e.Tag);
        Assert.Equal(12, e.Offset);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_length_lie_on_a_stream_of_unknown_length_allocates_in_proportion_to_real_bytes()
    {
        byte[] bytes = Hex.Parse("E07F 1000 4F57 0000 0000F07F 01020304"); // claims 2 GiB - 1 MiB
        using var stream = new NonSeekableStream(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.ReadFromStream(stream, DicomTransferSyntax.ExplicitVRLittleEndian));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(e.IsTruncation);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes for a 16-byte input");
    }

    [Fact]
    public void Values_overrunning_their_item_are_malformed()
    {
        byte[] bytes = Hex.Parse(
            "0800 1511 5351 0000 FFFFFFFF" +
            "FEFF 00E0 06000000" + // item claims 6 bytes
            "1000 2000 4C4F 0200 4142" + // but its element takes 10
            "FEFF DDE0 00000000");
        var e = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(DicomFormatError.InvalidLength, e.Error);
    }

    [Fact]
    public void Every_prefix_of_a_dataset_is_incomplete_or_a_whole_number_of_elements()
    {
        DicomDataset source = TestFiles.SmallCt();
        foreach (DicomTransferSyntax ts in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian })
        {
            foreach (bool defined in new[] { false, true })
            {
                byte[] bytes = DicomWriter.ToArray(source, ts, new DicomWriteOptions { DefinedLengthSequences = defined });
                var boundaries = new HashSet<long> { 0 };
                long offset = 0;
                foreach (DicomItem item in source)
                {
                    offset += DicomWriter.GetEncodedLength(new DicomDataset([item]), ts, new DicomWriteOptions { DefinedLengthSequences = defined });
                    boundaries.Add(offset);
                }

                for (int n = 0; n <= bytes.Length; n++)
                {
                    bool complete = DicomDatasetReader.TryRead(new ReadOnlySequence<byte>(bytes, 0, n), ts, out DicomDataset? ds);
                    Assert.True(complete == boundaries.Contains(n), $"{ts.Name}, defined={defined}: prefix {n} of {bytes.Length} complete={complete}");
                    if (n == bytes.Length)
                    {
                        DatasetAssert.Equal(source, ds!, afterWrite: true);
                    }
                }
            }
        }
    }

    [Fact]
    public void Encapsulated_pixel_data_with_a_bad_item_tag_is_rejected()
    {
        byte[] bytes = Hex.Parse(
            "E07F 1000 4F42 0000 FFFFFFFF" +
            "FEFF 00E0 00000000" + // empty offset table
            "0800 1800 04000000 01020304" + // not an item
            "FEFF DDE0 00000000");
        var e = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(DicomFormatError.UnexpectedTag, e.Error);
    }

    [Fact]
    public void Big_endian_bare_dataset_reads_and_swaps()
    {
        byte[] bytes = Hex.Parse(
            "0028 0010 5553 0002 0200" + // (0028,0010) US 512, big endian
            "0028 0009 4154 0004 3004 000C"); // (0028,0009) AT (3004,000C)
        DicomDataset ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRBigEndian);
        Assert.True(ds.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.Equal(512, rows);
        Assert.Equal([new DicomTag(0x3004, 0x000C)], ds.GetTags(DicomTags.FrameIncrementPointer));
    }

    internal static byte[] NestedSequences(int depth)
    {
        var open = Hex.Parse("0800 1511 FFFFFFFF FEFF 00E0 FFFFFFFF");
        var close = Hex.Parse("FEFF 0DE0 00000000 FEFF DDE0 00000000");
        byte[] bytes = new byte[depth * (open.Length + close.Length)];
        for (int i = 0; i < depth; i++)
        {
            open.CopyTo(bytes, i * open.Length);
            close.CopyTo(bytes, (depth * open.Length) + (i * close.Length));
        }

        return bytes;
    }
}
