using System.Text;

namespace Edge.Dicom.Tests.Values;

public sealed class NumericValueTests
{
    private static DicomDataset With(DicomTag tag, DicomVR vr, string raw)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(tag, vr, Encoding.ASCII.GetBytes(raw));
        return ds;
    }

    [Theory]
    [InlineData(" 1.5 ", 1.5)]
    [InlineData("1.5\0", 1.5)]
    [InlineData("+2.5E1", 25)]
    [InlineData("-0.000123", -0.000123)]
    [InlineData("  42", 42)]
    public void DS_parses_with_padding(string raw, double expected)
    {
        DicomDataset ds = With(DicomTags.SliceThickness, DicomVR.DS, raw);
        Assert.True(ds.TryGetDouble(DicomTags.SliceThickness, out double v));
        Assert.Equal(expected, v, 12);
    }

    [Fact]
    public void DS_multi_valued_and_indexed()
    {
        DicomDataset ds = With(DicomTags.ImagePositionPatient, DicomVR.DS, "-125.5\\ 130 \\42.25 ");
        Assert.Equal([-125.5, 130, 42.25], ds.GetDoubles(DicomTags.ImagePositionPatient));
        Assert.True(ds.TryGetDouble(DicomTags.ImagePositionPatient, out double z, 2));
        Assert.Equal(42.25, z);
        Assert.False(ds.TryGetDouble(DicomTags.ImagePositionPatient, out _, 3));
        Assert.Equal(3, ds.GetValueCount(DicomTags.ImagePositionPatient));
    }

    [Theory]
    [InlineData(" 42 ", 42)]
    [InlineData("-7", -7)]
    [InlineData("12.0", 12)]
    [InlineData("+3", 3)]
    public void IS_parses_with_padding(string raw, int expected)
    {
        DicomDataset ds = With(DicomTags.InstanceNumber, DicomVR.IS, raw);
        Assert.True(ds.TryGetInt32(DicomTags.InstanceNumber, out int v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("1A")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void Invalid_IS_gives_false_not_an_exception(string raw)
    {
        DicomDataset ds = With(DicomTags.InstanceNumber, DicomVR.IS, raw);
        Assert.False(ds.TryGetInt32(DicomTags.InstanceNumber, out _));
        Assert.Empty(ds.GetInt32s(DicomTags.InstanceNumber));
    }

    [Fact]
    public void Missing_elements_never_throw()
    {
        var ds = new DicomDataset();
        Assert.Null(ds.GetString(DicomTags.PatientName));
        Assert.Empty(ds.GetStrings(DicomTags.PatientName));
        Assert.False(ds.TryGetDouble(DicomTags.SliceThickness, out _));
        Assert.False(ds.TryGetUInt16(DicomTags.Rows, out _));
        Assert.Empty(ds.GetDoubles(DicomTags.PixelSpacing));
        Assert.Null(ds.GetPersonName(DicomTags.PatientName));
        Assert.Null(ds.GetDate(DicomTags.StudyDate));
        Assert.Empty(ds.GetTags(DicomTags.FrameIncrementPointer));
        Assert.Null(ds.GetSequence(DicomTags.ReferencedImageSequence));
        Assert.Null(ds.PrivateCreatorOf(new DicomTag(0x0029, 0x1010)));
    }

    [Fact]
    public void Binary_numbers_of_every_width()
    {
        var ds = new DicomDataset();
        ds.SetUInt16(DicomTags.Rows, 1, 65535);
        ds.SetInt16(DicomTags.SmallestImagePixelValue, -32768);
        ds.SetUInt32(DicomTags.SimpleFrameList, 4_000_000_000);
        ds.SetInt32(DicomTags.ReferencePixelX0, -5);
        ds.SetSingle(DicomTags.RecommendedDisplayFrameRateInFloat, 2.5f);
        ds.SetDouble(DicomTags.RealWorldValueSlope, 0.1, 0.2);
        ds.SetInt64(DicomTags.SelectorSVValue, long.MinValue);
        ds.SetUInt64(DicomTags.SelectorUVValue, ulong.MaxValue);

        Assert.Equal([1, 65535], ds.GetInt32s(DicomTags.Rows));
        Assert.True(ds.TryGetInt32(DicomTags.SmallestImagePixelValue, out int ss));
        Assert.Equal(-32768, ss);
        Assert.True(ds.TryGetUInt32(DicomTags.SimpleFrameList, out uint ul));
        Assert.Equal(4_000_000_000u, ul);
        Assert.False(ds.TryGetInt32(DicomTags.SimpleFrameList, out _));
        Assert.True(ds.TryGetInt32(DicomTags.ReferencePixelX0, out int sl));
        Assert.Equal(-5, sl);
        Assert.True(ds.TryGetSingle(DicomTags.RecommendedDisplayFrameRateInFloat, out float fl));
        Assert.Equal(2.5f, fl);
        Assert.Equal([0.1, 0.2], ds.GetDoubles(DicomTags.RealWorldValueSlope));
        Assert.True(ds.TryGetInt64(DicomTags.SelectorSVValue, out long sv));
        Assert.Equal(long.MinValue, sv);
        Assert.Equal("18446744073709551615", ds.GetString(DicomTags.SelectorUVValue));
        Assert.Equal("1\\65535", ds.GetString(DicomTags.Rows));
    }

    [Fact]
    public void Text_setters_parse_binary_VRs_invariantly()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, "512");
        ds.AddOrUpdate(DicomTags.RealWorldValueSlope, DicomVR.FD, "1.25", "-3");
        ds.AddOrUpdate(DicomTags.FrameIncrementPointer, DicomVR.AT, "(0018,1063)");
        Assert.True(ds.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.Equal(512, rows);
        Assert.Equal([1.25, -3], ds.GetDoubles(DicomTags.RealWorldValueSlope));
        Assert.Equal([new DicomTag(0x0018, 0x1063)], ds.GetTags(DicomTags.FrameIncrementPointer));
    }

    [Theory]
    [InlineData(1.0 / 3)]
    [InlineData(-123456.789012345)]
    [InlineData(1e-20)]
    [InlineData(6.02214076e23)]
    [InlineData(0)]
    public void DS_setter_fits_16_characters_and_reads_back_closely(double value)
    {
        var ds = new DicomDataset();
        ds.SetDecimalString(DicomTags.SliceThickness, value);
        string text = ds.GetString(DicomTags.SliceThickness)!;
        Assert.True(text.Length <= 16, text);
        Assert.True(ds.TryGetDouble(DicomTags.SliceThickness, out double back));
        Assert.Equal(value, back, Math.Abs(value) * 1e-9);
    }

    [Fact]
    public void AT_values_round_trip()
    {
        var ds = new DicomDataset();
        ds.SetTags(DicomTags.FrameIncrementPointer, DicomTags.FrameTime, new DicomTag(0x3004, 0x000C));
        Assert.Equal([DicomTags.FrameTime, new DicomTag(0x3004, 0x000C)], ds.GetTags(DicomTags.FrameIncrementPointer));
        Assert.Equal("(0018,1063)\\(3004,000C)", ds.GetString(DicomTags.FrameIncrementPointer));
        Assert.Equal(new byte[] { 0x18, 0x00, 0x63, 0x10, 0x04, 0x30, 0x0C, 0x00 }, ds.GetElement(DicomTags.FrameIncrementPointer)!.RawValue.ToArray());
    }
}
