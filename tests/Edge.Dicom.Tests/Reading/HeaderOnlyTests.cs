namespace Edge.Dicom.Tests.Reading;

/// <summary>Reading the header of a large file must not read (or allocate) its bulk data.</summary>
public sealed class HeaderOnlyTests : IDisposable
{
    /// <summary>500 MB of pixel data, as in the issue; the file is sparse so the test costs no disk.</summary>
    private const long PixelBytes = 500L * 1000 * 1000;

    private readonly string _dir = Directory.CreateTempSubdirectory("edge-dicom-header-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Header_of_a_500_MB_file_reads_without_reading_the_pixel_data()
    {
        (string path, long pixelOffset) = WriteLargeFile();
        long before = GC.GetAllocatedBytesForCurrentThread();
        DicomFile file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024 * 1024, $"a header read allocated {allocated} bytes");
        Assert.Equal(pixelOffset, file.PixelDataOffset);
        DicomElement pixels = file.Dataset.GetElement(DicomTags.PixelData)!;
        Assert.False(pixels.IsBulkDataLoaded);
        Assert.Equal(PixelBytes, pixels.ValueLength);
        Assert.Equal(pixelOffset, pixels.BulkDataRange!.Offset);
        Assert.True(file.Dataset.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.Equal(512, rows);
    }

    [Fact]
    public void Header_read_through_a_stream_reads_only_the_header_bytes()
    {
        (string path, long pixelOffset) = WriteLargeFile();
        using var counting = new CountingStream(File.OpenRead(path));
        DicomFile file = DicomFile.Read(counting, DicomReadOptions.HeaderOnly);

        // One 16 KiB window at most: the reader stops before the pixel data value.
        Assert.True(counting.BytesRead <= 16 * 1024, $"read {counting.BytesRead} bytes of a {PixelBytes}-byte file");
        Assert.Equal(pixelOffset, file.PixelDataOffset);
        Assert.False(file.Dataset.Contains(DicomTags.PixelData));
        Assert.Equal("HEADER^ONLY", file.Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void A_bulk_data_threshold_leaves_large_values_on_disk_until_used()
    {
        DicomDataset source = TestFiles.SmallCt(64, 64);
        string path = Path.Combine(_dir, "small.dcm");
        File.WriteAllBytes(path, TestFiles.Part10(source, DicomTransferSyntax.ExplicitVRLittleEndian));

        DicomFile file = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 1024 });
        DicomElement pixels = file.Dataset.GetElement(DicomTags.PixelData)!;
        Assert.False(pixels.IsBulkDataLoaded);
        Assert.Equal(64 * 64 * 2, pixels.ValueLength);
        Assert.True(file.Dataset.GetElement(DicomTags.PatientName)!.IsBulkDataLoaded);
        Assert.Equal(source.GetElement(DicomTags.PixelData)!.RawValue.ToArray(), pixels.RawValue.ToArray());
        Assert.True(pixels.IsBulkDataLoaded);
    }

    [Fact]
    public void Encapsulated_fragments_of_a_header_only_read_load_one_at_a_time()
    {
        string path = TestFiles.Corpus("SC_rgb_rle_2frame.dcm");
        DicomDataset full = DicomFile.Open(path).Dataset;
        DicomDataset header = DicomFile.Open(path, DicomReadOptions.HeaderOnly).Dataset;
        var expected = (DicomFragmentSequence)full[DicomTags.PixelData]!;
        var lazy = (DicomFragmentSequence)header[DicomTags.PixelData]!;
        Assert.Equal(expected.GetFragmentLength(1), lazy.GetFragmentLength(1));
        Assert.Equal(expected.Fragments[1].ToArray(), lazy.Fragments[1].ToArray());
        Assert.Equal(expected.Fragments[0].ToArray(), lazy.Fragments[0].ToArray());
    }

    [Fact]
    public void Big_endian_values_left_on_disk_are_swapped_when_loaded()
    {
        string path = TestFiles.Corpus("MR_small_bigendian.dcm");
        DicomDataset full = DicomFile.Open(path).Dataset;
        DicomDataset header = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 64 }).Dataset;
        Assert.False(header.GetElement(DicomTags.PixelData)!.IsBulkDataLoaded);
        Assert.Equal(full.GetElement(DicomTags.PixelData)!.RawValue.ToArray(), header.GetElement(DicomTags.PixelData)!.RawValue.ToArray());
    }

    [Fact]
    public void Stop_at_tag_ends_the_top_level_read()
    {
        DicomFile file = DicomFile.Open(TestFiles.Corpus("CT_small.dcm"), new DicomReadOptions { StopAtTag = DicomTags.Rows });
        Assert.True(file.Dataset.Contains(DicomTags.PatientName));
        Assert.False(file.Dataset.Contains(DicomTags.Rows));
        Assert.False(file.Dataset.Contains(DicomTags.PixelData));
    }

    private (string Path, long PixelOffset) WriteLargeFile()
    {
        DicomDataset header = TestFiles.SmallCt(512, 512);
        header.Remove(DicomTags.PixelData);
        header.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "HEADER^ONLY");
        string path = Path.Combine(_dir, "large.dcm");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            DicomWriter.WritePart10(stream, DicomWriter.CreateFileMetaInformation(DicomUids.CTImageStorage, "1.2.3", DicomTransferSyntax.ExplicitVRLittleEndian), header, DicomTransferSyntax.ExplicitVRLittleEndian);

            // (7FE0,0010) OW with a 32-bit length, then a sparse hole as the value.
            stream.Write(Hex.Parse("E07F 1000 4F57 0000"));
            stream.Write(BitConverter.GetBytes((uint)PixelBytes));
            long offset = stream.Position;
            stream.SetLength(offset + PixelBytes);
            return (path, offset);
        }
    }
}
