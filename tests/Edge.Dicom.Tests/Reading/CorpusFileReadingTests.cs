namespace Edge.Dicom.Tests.Reading;

/// <summary>Reading specific corpus files whose content is known (values checked against pydicom by hand).</summary>
public sealed class CorpusFileReadingTests
{
    [Fact]
    public void CT_small_reads_with_typed_values()
    {
        DicomFile file = DicomFile.Open(TestFiles.Corpus("CT_small.dcm"));
        DicomDataset ds = file.Dataset;
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal("CompressedSamples^CT1", ds.GetString(DicomTags.PatientName));
        Assert.Equal("CompressedSamples", ds.GetPersonName(DicomTags.PatientName)!.FamilyName);
        Assert.Equal("CT1", ds.GetPersonName(DicomTags.PatientName)!.GivenName);
        Assert.True(ds.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.Equal(128, rows);
        Assert.True(ds.TryGetInt32(DicomTags.Columns, out int columns));
        Assert.Equal(128, columns);
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], ds.GetStrings(DicomTags.ImageType));
        Assert.Equal([-158.135803, -179.035797, -75.699997], ds.GetDoubles(DicomTags.ImagePositionPatient));
        Assert.Equal(new DateOnly(2004, 1, 19), ds.GetDate(DicomTags.InstanceCreationDate)!.Value.Value);
        Assert.Equal(new TimeOnly(7, 27, 31), ds.GetTime(DicomTags.InstanceCreationTime)!.Value.Value);
        Assert.Equal(2, ds.GetSequence(DicomTags.OtherPatientIDsSequence)!.Items.Count);
        Assert.Equal("ABCD1234", ds.GetSequence(DicomTags.OtherPatientIDsSequence)!.Items[0].GetString(DicomTags.PatientID));
        var pixels = Assert.IsType<DicomElement>(ds[DicomTags.PixelData]);
        Assert.Equal(128 * 128 * 2, pixels.RawValue.Length);
        // Pixel data is followed by 126 bytes of (FFFC,FFFC) Data Set Trailing Padding: 12 header bytes + 126.
        Assert.Equal(new FileInfo(TestFiles.Corpus("CT_small.dcm")).Length - (128 * 128 * 2) - 12 - 126, file.PixelDataOffset);
        Assert.Equal(126, ds.GetElement(DicomTags.DataSetTrailingPadding)!.ValueLength);
        Assert.Equal("1.2.840.10008.1.2.1", file.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
    }

    [Theory]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("MR_small_expb.dcm")]
    [InlineData("MR_small_implicit.dcm")]
    [InlineData("MR_small_padded.dcm")]
    public void MR_small_variants_hold_the_same_values_and_pixels(string variant)
    {
        DicomDataset reference = DicomFile.Open(TestFiles.Corpus("MR_small.dcm")).Dataset;
        DicomDataset other = DicomFile.Open(TestFiles.Corpus(variant)).Dataset;
        foreach (DicomTag tag in new[] { DicomTags.Rows, DicomTags.Columns, DicomTags.BitsAllocated, DicomTags.PixelRepresentation })
        {
            Assert.True(reference.TryGetInt32(tag, out int a));
            Assert.True(other.TryGetInt32(tag, out int b));
            Assert.Equal(a, b);
        }

        Assert.Equal(reference.GetDoubles(DicomTags.ImageOrientationPatient), other.GetDoubles(DicomTags.ImageOrientationPatient));
        Assert.Equal(reference.GetString(DicomTags.PatientName), other.GetString(DicomTags.PatientName));

        // Big-endian OW pixel data is swapped to little endian on read; the padded variant has 128 extra bytes.
        ReadOnlySpan<byte> expected = reference.GetElement(DicomTags.PixelData)!.RawValue.Span;
        Assert.True(expected.SequenceEqual(other.GetElement(DicomTags.PixelData)!.RawValue.Span[..expected.Length]));
    }

    [Fact]
    public void Big_endian_numbers_and_AT_are_swapped_to_little_endian()
    {
        DicomDataset le = DicomFile.Open(TestFiles.Corpus("rtdose.dcm")).Dataset;
        DicomDataset be = DicomFile.Open(TestFiles.Corpus("rtdose_expb.dcm")).Dataset;
        Assert.Equal(le.GetTags(DicomTags.FrameIncrementPointer), be.GetTags(DicomTags.FrameIncrementPointer));
        Assert.Equal([new DicomTag(0x3004, 0x000C)], be.GetTags(DicomTags.FrameIncrementPointer));
        Assert.Equal(le.GetDoubles(DicomTags.GridFrameOffsetVector), be.GetDoubles(DicomTags.GridFrameOffsetVector));

        // Values are swapped in units of their VR: OW in 16-bit words, even for these 32-bit dose pixels (the pixel
        // layer regroups them by Bits Allocated). Swapping each 32-bit pixel's two words gives the LE bytes back.
        byte[] words = be.GetElement(DicomTags.PixelData)!.RawValue.ToArray();
        for (int i = 0; i < words.Length; i += 4)
        {
            (words[i], words[i + 1], words[i + 2], words[i + 3]) = (words[i + 2], words[i + 3], words[i], words[i + 1]);
        }

        Assert.Equal(le.GetElement(DicomTags.PixelData)!.RawValue.ToArray(), words);
    }

    [Fact]
    public void Deflated_file_inflates()
    {
        DicomFile file = DicomFile.Open(TestFiles.Corpus("image_dfl.dcm"));
        Assert.True(file.TransferSyntax.IsDeflated);
        Assert.Equal(-1, file.PixelDataOffset);
        Assert.True(file.Dataset.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.True(file.Dataset.TryGetUInt16(DicomTags.Columns, out ushort columns));
        Assert.Equal(rows * columns, file.Dataset.GetElement(DicomTags.PixelData)!.ValueLength);
    }

    [Theory]
    [InlineData("meta_missing_tsyntax.dcm", "1.2.840.10008.1.2")]
    [InlineData("no_meta_group_length.dcm", "1.2.840.10008.1.2")]
    [InlineData("ExplVR_LitEndNoMeta.dcm", "1.2.840.10008.1.2.1")]
    [InlineData("ExplVR_BigEndNoMeta.dcm", "1.2.840.10008.1.2.2")]
    [InlineData("rtstruct.dcm", "1.2.840.10008.1.2")]
    public void Missing_meta_information_is_sniffed(string name, string expectedTs)
    {
        DicomFile file = DicomFile.Open(TestFiles.Corpus(name));
        Assert.Equal(expectedTs, file.TransferSyntax.Uid);
        Assert.NotEmpty(file.Dataset);
    }

    [Fact]
    public void UN_sequence_of_undefined_length_is_read_as_implicit_little_endian()
    {
        // (4453,100C) is a private tag sent as UN with undefined length; its items are implicit VR LE (CP-246).
        DicomDataset ds = DicomFile.Open(TestFiles.Corpus("UN_sequence.dcm")).Dataset;
        DicomSequence sequence = Assert.IsType<DicomSequence>(ds[new DicomTag(0x4453, 0x100C)]);
        DicomDataset item = Assert.Single(sequence.Items);
        DicomSequence series = item.GetSequence(DicomTags.ReferencedSeriesSequence)!;
        Assert.Equal("1.2.840.113619.2.327.3.185221411.476.1398588726.276", series.Items[0].GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(DicomUids.CTImageStorage, series.Items[0].GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0].GetString(DicomTags.ReferencedSOPClassUID));
    }

    [Fact]
    public void Encapsulated_pixel_data_is_walked_by_item_lengths_not_by_scanning()
    {
        // The fragment of this file contains the bytes of a sequence delimiter; a scanning reader would cut it.
        DicomFile plain = DicomFile.Open(TestFiles.Corpus("JPEG2000.dcm"));
        DicomFile tricky = DicomFile.Open(TestFiles.Corpus("JPEG2000-embedded-sequence-delimiter.dcm"));
        var a = Assert.IsType<DicomFragmentSequence>(plain.Dataset[DicomTags.PixelData]);
        var b = Assert.IsType<DicomFragmentSequence>(tricky.Dataset[DicomTags.PixelData]);
        Assert.Equal(a.Fragments.Count, b.Fragments.Count);
        Assert.Equal(a.TotalFragmentLength, b.TotalFragmentLength);
        Assert.True(b.Fragments[0].Span.IndexOf(new byte[] { 0xFE, 0xFF, 0xDD, 0xE0 }) >= 0);
    }

    [Fact]
    public void Multi_fragment_RLE_has_offset_table_and_one_fragment_per_frame()
    {
        DicomDataset ds = DicomFile.Open(TestFiles.Corpus("SC_rgb_rle_2frame.dcm")).Dataset;
        var fragments = Assert.IsType<DicomFragmentSequence>(ds[DicomTags.PixelData]);
        Assert.Equal(2, fragments.Fragments.Count);
        Assert.Equal(2, fragments.BasicOffsetTable.Count);
        Assert.Equal(0u, fragments.BasicOffsetTable[0]);
        Assert.Equal((uint)(8 + fragments.GetFragmentLength(0)), fragments.BasicOffsetTable[1]);
    }

    [Fact]
    public void Sequence_items_use_their_own_character_set_or_inherit_the_parents()
    {
        DicomDataset ds = DicomFile.Open(PydicomCorpus.FullPath("charset_files/chrSQEncoding.dcm")).Dataset;
        DicomDataset item = ds.GetSequence(new DicomTag(0x0032, 0x1064))!.Items[0];
        Assert.Same(ds, item.Parent);
        Assert.Contains("ISO 2022 IR 87", item.CharacterSet.Terms);
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.GetString(DicomTags.PatientName));

        var parent = new DicomDataset();
        parent.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        var child = new DicomDataset();
        child.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, new byte[] { (byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r' });
        parent.SetSequence(DicomTags.ReferencedPatientSequence, child);
        Assert.Equal("Müller", child.GetString(DicomTags.PatientName));
    }

    [Theory]
    [InlineData("MR_truncated.dcm", DicomFormatError.Truncated, 0x7FE0, 0x0010)]
    [InlineData("rtplan_truncated.dcm", DicomFormatError.Truncated, 0x300A, 0x012C)]
    [InlineData("no_meta.dcm", DicomFormatError.NotDicom, -1, -1)]
    public void Corrupt_corpus_files_raise_one_clean_exception_with_offset_and_tag(string name, DicomFormatError error, int group, int element)
    {
        var e = Assert.Throws<DicomFormatException>(() => DicomFile.Open(TestFiles.Corpus(name)));
        Assert.Equal(error, e.Error);
        Assert.True(e.Offset >= 0);
        Assert.Contains("byte offset", e.Message, StringComparison.Ordinal);
        if (group >= 0)
        {
            Assert.Equal(new DicomTag((ushort)group, (ushort)element), e.Tag);
        }
    }
}
