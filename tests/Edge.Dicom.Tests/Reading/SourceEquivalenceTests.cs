using System.Buffers;

namespace Edge.Dicom.Tests.Reading;

/// <summary>Memory, file, seekable and trickling streams, and segmented sequences all read the same dataset.</summary>
public sealed class SourceEquivalenceTests
{
    [Theory]
    [InlineData("CT_small.dcm", 1)]
    [InlineData("CT_small.dcm", 7)]
    [InlineData("image_dfl.dcm", 1)]
    [InlineData("MR_small_bigendian.dcm", 3)]
    [InlineData("SC_rgb_rle_2frame.dcm", 5)]
    [InlineData("rtplan.dcm", 2)]
    public void A_stream_that_trickles_bytes_reads_like_a_file(string name, int chunk)
    {
        string path = TestFiles.Corpus(name);
        DicomFile expected = DicomFile.Open(path);
        DicomFile trickled = DicomFile.Read(new TrickleStream(File.ReadAllBytes(path), chunk));
        DatasetAssert.Equal(expected.Dataset, trickled.Dataset);
        DatasetAssert.Equal(expected.FileMetaInformation, trickled.FileMetaInformation);
        Assert.Equal(expected.TransferSyntax, trickled.TransferSyntax);
        Assert.Equal(expected.PixelDataOffset, trickled.PixelDataOffset);
    }

    [Fact]
    public void A_sequence_of_one_byte_segments_reads_like_one_segment()
    {
        byte[] bytes = DicomWriter.ToArray(TestFiles.SmallCt(), DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomDataset whole = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomDataset segmented = DicomDatasetReader.Read(OneBytePerSegment(bytes), DicomTransferSyntax.ExplicitVRLittleEndian);
        DatasetAssert.Equal(whole, segmented);
    }

    [Fact]
    public void Values_larger_than_the_read_window_are_read_straight_from_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"edge-window-{Guid.NewGuid():N}.dcm");
        try
        {
            DicomDataset source = TestFiles.SmallCt(256, 256);
            File.WriteAllBytes(path, TestFiles.Part10(source, DicomTransferSyntax.ExplicitVRLittleEndian));
            DicomFile file = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 1 << 20 });
            Assert.True(file.Dataset.GetElement(DicomTags.PixelData)!.IsBulkDataLoaded);
            DatasetAssert.Equal(source, file.Dataset, afterWrite: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
