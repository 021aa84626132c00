using System.Text;

namespace Edge.Dicom.Tests.Values;

public sealed class TextValueTests
{
    [Fact]
    public void Person_name_components_and_groups()
    {
        var name = DicomPersonName.Parse("Doe^John^Quincy^Dr^Jr=山田^太郎=やまだ^たろう");
        Assert.Equal("Doe", name.FamilyName);
        Assert.Equal("John", name.GivenName);
        Assert.Equal("Quincy", name.MiddleName);
        Assert.Equal("Dr", name.NamePrefix);
        Assert.Equal("Jr", name.NameSuffix);
        Assert.Equal("山田^太郎", name.Ideographic);
        Assert.Equal("たろう", name.GetComponent(DicomPersonNameGroup.Phonetic, 1));
        Assert.Equal(["山田", "太郎", "", "", ""], name.GetComponents(DicomPersonNameGroup.Ideographic));
        Assert.Equal("Doe^John^Quincy^Dr^Jr=山田^太郎=やまだ^たろう", name.ToString());
    }

    [Fact]
    public void Person_name_trailing_separators_and_empty_groups()
    {
        var name = DicomPersonName.Parse("Smith^^^^=");
        Assert.Equal("Smith", name.Alphabetic);
        Assert.Equal(string.Empty, name.Ideographic);
        Assert.Equal("Smith", name.ToString());
        Assert.Equal("Smith", name.FamilyName);
        Assert.Equal(string.Empty, name.GivenName);
        Assert.Equal(DicomPersonName.FromComponents("Smith", "Ann"), DicomPersonName.Parse("Smith^Ann^^^"));
    }

    [Fact]
    public void Multi_valued_person_names()
    {
        var ds = new DicomDataset();
        ds.SetPersonName(DicomTags.PerformingPhysicianName, DicomPersonName.Parse("A^B"), DicomPersonName.Parse("C^D"));
        Assert.Equal(["A^B", "C^D"], ds.GetStrings(DicomTags.PerformingPhysicianName));
        Assert.Equal("C", ds.GetPersonNames(DicomTags.PerformingPhysicianName)[1].FamilyName);
    }

    [Theory]
    [InlineData("20240229", 2024, 2, 29)]
    [InlineData("2024.01.02", 2024, 1, 2)]
    [InlineData(" 19991231 ", 1999, 12, 31)]
    public void Dates_parse(string text, int y, int m, int d)
    {
        Assert.True(DicomDate.TryParse(text, out DicomDate date));
        Assert.Equal(new DateOnly(y, m, d), date.Value);
    }

    [Theory]
    [InlineData("20230229")]
    [InlineData("2024131")]
    [InlineData("20241301")]
    [InlineData("abcdefgh")]
    [InlineData("")]
    public void Invalid_dates_do_not_parse(string text) => Assert.False(DicomDate.TryParse(text, out _));

    [Theory]
    [InlineData("12", 12, 0, 0, 0, DicomDateTimePrecision.Hour)]
    [InlineData("1230", 12, 30, 0, 0, DicomDateTimePrecision.Minute)]
    [InlineData("123045", 12, 30, 45, 0, DicomDateTimePrecision.Second)]
    [InlineData("123045.123456", 12, 30, 45, 1234560, DicomDateTimePrecision.Fraction)]
    [InlineData("123045.5 ", 12, 30, 45, 5000000, DicomDateTimePrecision.Fraction)]
    [InlineData("12:30:45", 12, 30, 45, 0, DicomDateTimePrecision.Second)]
    [InlineData("235960", 23, 59, 59, 0, DicomDateTimePrecision.Second)]
    public void Times_parse(string text, int h, int m, int s, long fractionTicks, DicomDateTimePrecision precision)
    {
        Assert.True(DicomTime.TryParse(text, out DicomTime time));
        Assert.Equal(new TimeOnly(h, m, s).Add(TimeSpan.FromTicks(fractionTicks)), time.Value);
        Assert.Equal(precision, time.Precision);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("1260")]
    [InlineData("1")]
    [InlineData("12x")]
    public void Invalid_times_do_not_parse(string text) => Assert.False(DicomTime.TryParse(text, out _));

    [Fact]
    public void Date_times_with_offsets_and_partial_precision()
    {
        Assert.True(DicomDateTime.TryParse("20240102123045.5+0100", out DicomDateTime full));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 12, 30, 45, 500, TimeSpan.FromHours(1)), full.ToDateTimeOffset());
        Assert.Equal(DicomDateTimePrecision.Fraction, full.Precision);
        Assert.True(DicomDateTime.TryParse("2024", out DicomDateTime year));
        Assert.Equal(new DateTime(2024, 1, 1), year.Value);
        Assert.Equal(DicomDateTimePrecision.Year, year.Precision);
        Assert.Null(year.ToDateTimeOffset());
        Assert.True(DicomDateTime.TryParse("202402-0530", out DicomDateTime month));
        Assert.Equal(-new TimeSpan(5, 30, 0), month.Offset);
        Assert.False(DicomDateTime.TryParse("20240230", out _));
        Assert.False(DicomDateTime.TryParse("2024010212.5", out _));
        Assert.Equal("20240102123045.500000+0100", full.ToString());
    }

    [Fact]
    public void Date_and_time_setters_round_trip()
    {
        var ds = new DicomDataset();
        ds.SetDate(DicomTags.StudyDate, new DateOnly(2024, 5, 6));
        ds.SetTime(DicomTags.StudyTime, new TimeOnly(7, 8, 9, 10), DicomDateTimePrecision.Second);
        ds.SetDateTime(DicomTags.AcquisitionDateTime, new DateTime(2024, 5, 6, 7, 8, 9), TimeSpan.Zero);
        Assert.Equal("20240506", ds.GetString(DicomTags.StudyDate));
        Assert.Equal("070809", ds.GetString(DicomTags.StudyTime));
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9), ds.GetDateTime(DicomTags.StudyDate, DicomTags.StudyTime));
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), ds.GetDateTime(DicomTags.AcquisitionDateTime)!.Value.ToDateTimeOffset());
    }

    [Fact]
    public void Strings_are_split_on_backslash_and_trimmed_by_VR_rules()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, Encoding.ASCII.GetBytes("ORIGINAL \\ PRIMARY\\AXIAL "));
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, Encoding.ASCII.GetBytes("1.2.3\0"));
        ds.AddOrUpdate(DicomTags.ImageComments, DicomVR.LT, Encoding.ASCII.GetBytes("  keeps\\leading  "));
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], ds.GetStrings(DicomTags.ImageType));
        Assert.Equal("1.2.3", ds.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal(["  keeps\\leading"], ds.GetStrings(DicomTags.ImageComments));
        Assert.Equal(1, ds.GetValueCount(DicomTags.ImageComments));
        Assert.Equal(3, ds.GetValueCount(DicomTags.ImageType));
    }

    [Fact]
    public void Text_is_encoded_with_the_datasets_character_set()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen");
        Assert.Equal((byte)0xFC, ds.GetElement(DicomTags.PatientName)!.RawValue.Span[1]);
        Assert.Equal("Müller^Jürgen", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Private_creator_of_a_private_tag()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(new DicomTag(0x0029, 0x0010), DicomVR.LO, "SIEMENS CSA HEADER");
        ds.AddOrUpdate(new DicomTag(0x0029, 0x0011), DicomVR.LO, "OTHER");
        Assert.Equal("SIEMENS CSA HEADER", ds.PrivateCreatorOf(new DicomTag(0x0029, 0x1010)));
        Assert.Equal("OTHER", ds.PrivateCreatorOf(new DicomTag(0x0029, 0x1120)));
        Assert.Null(ds.PrivateCreatorOf(new DicomTag(0x0029, 0x1210)));
        Assert.Null(ds.PrivateCreatorOf(DicomTags.PatientName));
    }

    [Fact]
    public void Dataset_keeps_tag_order_and_replaces_duplicates()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.Rows, DicomVR.US, "2");
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "A");
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CT");
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "B");
        Assert.Equal([DicomTags.Modality, DicomTags.PatientID, DicomTags.Rows], ds.Select(i => i.Tag).ToArray());
        Assert.Equal("B", ds.GetString(DicomTags.PatientID));
        Assert.True(ds.Remove(DicomTags.Modality));
        Assert.False(ds.Remove(DicomTags.Modality));
        Assert.Equal(2, ds.Count);
    }
}
