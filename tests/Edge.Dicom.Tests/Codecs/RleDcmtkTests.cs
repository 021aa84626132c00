using static Edge.Dicom.Tests.Codecs.PixelTestSupport;

namespace Edge.Dicom.Tests.Codecs;

/// <summary>RLE Lossless against dcmtk: its encoder's output decodes to the original, and ours decodes with dcmdrle.</summary>
public sealed class RleDcmtkTests
{
    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small.dcm")]
    [InlineData("SC_rgb_jpeg_dcmd.dcm")]
    [InlineData("rtdose.dcm")]
    [InlineData("image_dfl.dcm")]
    public void Dcmcrle_output_decodes_to_the_original(string file)
    {
        string source = PythonOracle.CorpusFile("test_files", file);
        using var temp = new Dcmtk.TempFolder();
        string rle = temp.File("rle.dcm");
        Dcmtk.Run("dcmcrle", source, rle);
        var encoded = DicomFile.Open(rle);
        Assert.Equal(DicomTransferSyntax.RleLossless, encoded.TransferSyntax);
        AssertSamePixels(AllFrames(source), AllFrames(DicomPixelData.FromFile(encoded)), file);
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("SC_rgb_jpeg_dcmd.dcm")]
    [InlineData("rtdose.dcm")]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm")]
    public void Our_encoding_decodes_with_dcmdrle_to_the_original(string file)
    {
        string source = PythonOracle.CorpusFile("test_files", file);
        var original = DicomFile.Open(source);
        DicomPixelData pixels = DicomPixelData.FromFile(original);
        byte[] expected = AllFrames(pixels);

        var fragments = new List<ReadOnlyMemory<byte>>();
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            ReadOnlySpan<byte> frame = expected.AsSpan(f * pixels.FrameLengthInBytes, pixels.FrameLengthInBytes);
            fragments.Add(RleCodec.Encode(frame, pixels.Rows, pixels.Columns, pixels.SamplesPerPixel, pixels.BitsAllocated));
        }

        DicomDataset dataset = original.Dataset.Clone();
        dataset.AddOrUpdate(new DicomFragmentSequence(DicomTags.PixelData, DicomVR.OB, [], fragments));
        dataset.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, "0");
        if (pixels.SamplesPerPixel == 1)
        {
            dataset.Remove(DicomTags.PlanarConfiguration);
        }

        using var temp = new Dcmtk.TempFolder();
        string ours = temp.File("ours.dcm");
        string back = temp.File("back.dcm");
        DicomDataset meta = DicomWriter.CreateFileMetaInformation(
            dataset.GetString(DicomTags.SOPClassUID)!, dataset.GetString(DicomTags.SOPInstanceUID)!, DicomTransferSyntax.RleLossless);
        using (FileStream stream = File.Create(ours))
        {
            DicomWriter.WritePart10(stream, meta, dataset, DicomTransferSyntax.RleLossless);
        }

        Dcmtk.Run("dcmdrle", ours, back);
        AssertSamePixels(expected, AllFrames(back), $"{file} via dcmdrle");
        AssertSamePixels(expected, AllFrames(ours), $"{file} via Edge");
    }
}
