using System.IO.Compression;

namespace Edge.Dicom.Tests.Writing;

/// <summary>Exact encodings (PS3.5 §7.1, §7.5, §A.4), pinned byte for byte.</summary>
public sealed class GoldenBytesTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Implicit = DicomTransferSyntax.ImplicitVRLittleEndian;

    [Fact]
    public void Explicit_short_header()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe^John");
        Assert.Equal("10001000504E0800446F655E4A6F686E", Hex.Format(DicomWriter.ToArray(ds, Explicit)));
    }

    [Fact]
    public void Explicit_long_header_has_two_reserved_bytes_and_a_32_bit_length()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 2, 3, 4 });
        Assert.Equal("E07F10004F5700000400000001020304", Hex.Format(DicomWriter.ToArray(ds, Explicit)));
    }

    [Fact]
    public void Implicit_header_is_tag_and_32_bit_length()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "AB");
        Assert.Equal("10002000020000004142", Hex.Format(DicomWriter.ToArray(ds, Implicit)));
    }

    [Fact]
    public void Big_endian_header_and_values_are_swapped()
    {
        var ds = new DicomDataset();
        ds.SetUInt16(DicomTags.Rows, 512);
        Assert.Equal("002800105553000202" + "00", Hex.Format(DicomWriter.ToArray(ds, DicomTransferSyntax.ExplicitVRBigEndian)));
    }

    [Theory]
    [InlineData("UI", "1.2.3", "312E322E3300")]
    [InlineData("LO", "ABC", "41424320")]
    [InlineData("PN", "A^B", "415E4220")]
    [InlineData("CS", "X", "5820")]
    public void Odd_text_values_are_padded_with_NUL_for_UI_and_space_otherwise(string vrCode, string value, string expectedValue)
    {
        DicomVR vr = Enum.Parse<DicomVR>(vrCode);
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x0011, 0x0011), vr, value);
        byte[] bytes = DicomWriter.ToArray(ds, Implicit);
        Assert.Equal("11001100" + Hex.Format(BitConverter.GetBytes(expectedValue.Length / 2)) + expectedValue, Hex.Format(bytes));
    }

    [Fact]
    public void Odd_binary_value_is_padded_with_NUL()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x0011, 0x1001), DicomVR.OB, new byte[] { 0xAA, 0xBB, 0xCC });
        Assert.Equal("110001104F42000004000000AABBCC00", Hex.Format(DicomWriter.ToArray(ds, Explicit)));
    }

    [Fact]
    public void Sequence_of_undefined_length_uses_delimiters()
    {
        Assert.Equal(
            "08001511" + "53510000" + "FFFFFFFF" +
            "FEFF00E0" + "FFFFFFFF" +
            "20000E00" + "55490400" + "312E3200" +
            "FEFF0DE0" + "00000000" +
            "FEFFDDE0" + "00000000",
            Hex.Format(DicomWriter.ToArray(OneItemSequence(), Explicit)));
    }

    [Fact]
    public void Sequence_of_defined_length_has_computed_lengths()
    {
        Assert.Equal(
            "08001511" + "53510000" + "14000000" +
            "FEFF00E0" + "0C000000" +
            "20000E00" + "55490400" + "312E3200",
            Hex.Format(DicomWriter.ToArray(OneItemSequence(), Explicit, new DicomWriteOptions { DefinedLengthSequences = true })));
    }

    [Fact]
    public void Implicit_sequence_of_defined_length()
    {
        Assert.Equal(
            "08001511" + "14000000" +
            "FEFF00E0" + "0C000000" +
            "20000E00" + "04000000" + "312E3200",
            Hex.Format(DicomWriter.ToArray(OneItemSequence(), Implicit, new DicomWriteOptions { DefinedLengthSequences = true })));
    }

    [Fact]
    public void Empty_sequence_and_empty_item()
    {
        var ds = new DicomDataset();
        ds.SetSequence(DicomTags.ReferencedSeriesSequence);
        ds.SetSequence(DicomTags.ReferencedImageSequence, new DicomDataset());
        Assert.Equal(
            "08001511" + "53510000" + "FFFFFFFF" + "FEFFDDE000000000" +
            "08004011" + "53510000" + "FFFFFFFF" + "FEFF00E0FFFFFFFF" + "FEFF0DE000000000" + "FEFFDDE000000000",
            Hex.Format(DicomWriter.ToArray(ds, Explicit)));
    }

    [Fact]
    public void Encapsulated_pixel_data_is_offset_table_then_padded_fragments()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, [0u], [new byte[] { 1, 2, 3 }]));
        Assert.Equal(
            "E07F1000" + "4F420000" + "FFFFFFFF" +
            "FEFF00E0" + "04000000" + "00000000" +
            "FEFF00E0" + "04000000" + "01020300" +
            "FEFFDDE0" + "00000000",
            Hex.Format(DicomWriter.ToArray(ds, Explicit)));
    }

    [Fact]
    public void Command_group_length_is_recomputed()
    {
        var command = new DicomDataset();
        command.SetUInt32(DicomTags.CommandGroupLength, 0);
        command.SetUInt16(DicomTags.CommandField, 0x0030);
        command.SetUInt16(DicomTags.MessageID, 7);
        Assert.Equal(
            "00000000" + "04000000" + "14000000" +
            "00000001" + "02000000" + "3000" +
            "00001001" + "02000000" + "0700",
            Hex.Format(DicomWriter.ToArray(command, Implicit)));
    }

    [Fact]
    public void Short_VR_value_too_long_for_16_bits_is_written_as_UN()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.PatientComments, DicomVR.LT, new string('x', 70_000));
        byte[] bytes = DicomWriter.ToArray(ds, Explicit);
        Assert.Equal("10000040" + "554E0000" + "70110100", Hex.Format(bytes.AsSpan(0, 12)));
        DicomDataset read = DicomDatasetReader.Read(bytes, Explicit);
        Assert.Equal(DicomVR.LT, read[DicomTags.PatientComments]!.VR);
        Assert.Equal(70_000, read.GetString(DicomTags.PatientComments)!.Length);
    }

    [Fact]
    public void Part10_has_preamble_DICM_and_a_correct_meta_group_length()
    {
        DicomDataset meta = DicomWriter.CreateFileMetaInformation(DicomUids.CTImageStorage, "1.2.3", Explicit, "EDGE");
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "X");
        using var stream = new MemoryStream();
        DicomWriter.WritePart10(stream, meta, ds, Explicit);
        byte[] bytes = stream.ToArray();

        Assert.All(bytes[..128], b => Assert.Equal(0, b));
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        Assert.Equal("02000000" + "554C0400", Hex.Format(bytes.AsSpan(132, 8)));
        uint groupLength = BitConverter.ToUInt32(bytes, 140);
        int datasetStart = 144 + (int)groupLength;
        Assert.Equal("10002000" + "4C4F0200" + "5820", Hex.Format(bytes.AsSpan(datasetStart)));
        Assert.Equal(bytes.Length - 10, datasetStart);

        DicomFile read = DicomFile.Read(bytes);
        Assert.Equal(DicomWriter.ImplementationClassUid, read.FileMetaInformation.GetString(DicomTags.ImplementationClassUID));
        Assert.Equal("EDGE", read.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal(new byte[] { 0, 1 }, read.FileMetaInformation.GetElement(DicomTags.FileMetaInformationVersion)!.RawValue.ToArray());
        Assert.Equal(Explicit.Uid, read.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
    }

    [Fact]
    public void Deflated_part10_is_raw_deflate_of_the_explicit_little_endian_dataset()
    {
        DicomDataset ds = TestFiles.SmallCt();
        byte[] file = TestFiles.Part10(ds, DicomTransferSyntax.DeflatedExplicitVRLittleEndian);
        DicomFile read = DicomFile.Read(file);
        Assert.Equal(DicomTransferSyntax.DeflatedExplicitVRLittleEndian, read.TransferSyntax);
        int metaEnd = 144 + (int)BitConverter.ToUInt32(file, 140);
        using var inflater = new DeflateStream(new MemoryStream(file, metaEnd, file.Length - metaEnd), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        Assert.Equal(DicomWriter.ToArray(ds, Explicit), inflated.ToArray());
        DatasetAssert.Equal(ds, read.Dataset, afterWrite: true);
    }

    private static DicomDataset OneItemSequence()
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2");
        var ds = new DicomDataset();
        ds.SetSequence(DicomTags.ReferencedSeriesSequence, item);
        return ds;
    }
}
