using static Edge.Dicom.Tests.Codecs.PixelTestSupport;

namespace Edge.Dicom.Tests.Codecs;

/// <summary>
/// JPEG Lossless streams made by dcmtk's dcmcjpeg (every selection value, point transform, fragmented frames with
/// and without a Basic Offset Table) decode to the pixels of the uncompressed original.
/// </summary>
public sealed class JpegLosslessDcmtkTests
{
    // 16-bit signed CT, 16-bit MR, 8-bit RGB: the shapes the appliance meets.
    public static TheoryData<string, int> SourcesAndPredictors()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in new[] { "CT_small.dcm", "MR_small.dcm", "SC_rgb_jpeg_dcmd.dcm" })
        {
            for (int sv = 1; sv <= 7; sv++)
            {
                data.Add(file, sv);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourcesAndPredictors))]
    public void Every_selection_value_decodes_to_the_original(string file, int selectionValue)
    {
        string source = PythonOracle.CorpusFile("test_files", file);
        using var temp = new Dcmtk.TempFolder();
        string jpeg = temp.File("jpeg.dcm");
        Dcmtk.Run("dcmcjpeg", "+el", "+sv", selectionValue.ToString(System.Globalization.CultureInfo.InvariantCulture), source, jpeg);

        var file14 = DicomFile.Open(jpeg);
        Assert.Equal(DicomTransferSyntax.JpegLossless14, file14.TransferSyntax);
        AssertSamePixels(AllFrames(source), AllFrames(DicomPixelData.FromFile(file14)), $"{file} SV{selectionValue}");
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("SC_rgb_jpeg_dcmd.dcm")]
    public void First_order_prediction_syntax_decodes_to_the_original(string file)
    {
        string source = PythonOracle.CorpusFile("test_files", file);
        using var temp = new Dcmtk.TempFolder();
        string jpeg = temp.File("sv1.dcm");
        Dcmtk.Run("dcmcjpeg", "+e1", source, jpeg);
        var sv1 = DicomFile.Open(jpeg);
        Assert.Equal(DicomTransferSyntax.JpegLosslessSV1, sv1.TransferSyntax);
        AssertSamePixels(AllFrames(source), AllFrames(DicomPixelData.FromFile(sv1)), file);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Point_transform_matches_dcmdjpeg(int pointTransform)
    {
        string source = PythonOracle.CorpusFile("test_files", "MR_small.dcm");
        using var temp = new Dcmtk.TempFolder();
        string jpeg = temp.File("pt.dcm");
        string back = temp.File("back.dcm");
        Dcmtk.Run("dcmcjpeg", "+el", "+sv", "4", "+pt", pointTransform.ToString(System.Globalization.CultureInfo.InvariantCulture), source, jpeg);
        Dcmtk.Run("dcmdjpeg", jpeg, back);
        byte[] expected = AllFrames(back);
        AssertSamePixels(expected, AllFrames(jpeg), $"Pt {pointTransform}");
        Assert.NotEqual(AllFrames(source), expected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Multi_frame_images_split_into_fragments_find_their_frames(bool offsetTable)
    {
        // Two RGB frames in 1 KiB fragments: frames are found from the Basic Offset Table, or without one from
        // the EOI marker that ends each frame (PS3.5 §A.4).
        string source = PythonOracle.CorpusFile("test_files", "SC_rgb_rle_2frame.dcm");
        using var temp = new Dcmtk.TempFolder();
        string native = temp.File("native.dcm");
        string jpeg = temp.File("fragments.dcm");
        Dcmtk.Run("dcmdrle", source, native);
        Dcmtk.Run("dcmcjpeg", "+el", "+sv", "1", "+fs", "1", offsetTable ? "+ot" : "-ot", native, jpeg);

        var file = DicomFile.Open(jpeg);
        var fragments = Assert.IsType<DicomFragmentSequence>(file.Dataset[DicomTags.PixelData]);
        Assert.True(fragments.Fragments.Count > 2, $"only {fragments.Fragments.Count} fragments");
        Assert.Equal(offsetTable ? 2 : 0, fragments.BasicOffsetTable.Count);
        AssertSamePixels(AllFrames(source), AllFrames(DicomPixelData.FromFile(file)), offsetTable ? "with offset table" : "by EOI markers");
    }
}
