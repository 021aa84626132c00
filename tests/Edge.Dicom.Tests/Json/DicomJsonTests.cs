using System.Text.Json.Nodes;

namespace Edge.Dicom.Tests.Json;

public sealed class DicomJsonTests
{
    public static TheoryData<string> Files => PydicomCorpus.Theory();

    [Fact]
    public void Model_follows_PS3_18_F2()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe^John=山田^太郎", "");
        ds.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "", "AXIAL");
        ds.AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, string.Empty);
        ds.SetDecimalString(DicomTags.PixelSpacing, 0.5, 0.75);
        ds.SetIntegerString(DicomTags.InstanceNumber, 12);
        ds.SetUInt16(DicomTags.Rows, 512);
        ds.SetDouble(DicomTags.RealWorldValueSlope, 2.5);
        ds.SetTags(DicomTags.FrameIncrementPointer, DicomTags.FrameTime);
        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 2, 3, 4 });
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3");
        ds.SetSequence(DicomTags.ReferencedImageSequence, item);
        ds.SetSequence(DicomTags.ReferencedSeriesSequence);

        JsonObject json = JsonNode.Parse(DicomJson.Serialize(ds))!.AsObject();
        Assert.Equal("""{"vr":"PN","Value":[{"Alphabetic":"Doe^John","Ideographic":"山田^太郎"},null]}""", json["00100010"]!.ToJsonString(Options));
        Assert.Equal("""{"vr":"CS","Value":["ORIGINAL",null,"AXIAL"]}""", json["00080008"]!.ToJsonString());
        Assert.Equal("""{"vr":"PN"}""", json["00080090"]!.ToJsonString());
        Assert.Equal("""{"vr":"DS","Value":[0.5,0.75]}""", json["00280030"]!.ToJsonString());
        Assert.Equal("""{"vr":"IS","Value":[12]}""", json["00200013"]!.ToJsonString());
        Assert.Equal("""{"vr":"US","Value":[512]}""", json["00280010"]!.ToJsonString());
        Assert.Equal("""{"vr":"FD","Value":[2.5]}""", json["00409225"]!.ToJsonString());
        Assert.Equal("""{"vr":"AT","Value":["00181063"]}""", json["00280009"]!.ToJsonString());
        Assert.Equal("""{"vr":"OW","InlineBinary":"AQIDBA=="}""", json["7FE00010"]!.ToJsonString());
        Assert.Equal("""{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["1.2.3"]}}]}""", json["00081140"]!.ToJsonString());
        Assert.Equal("""{"vr":"SQ"}""", json["00081115"]!.ToJsonString());
    }

    [Fact]
    public void Large_values_left_on_disk_become_bulk_data_URIs()
    {
        string path = TestFiles.Corpus("CT_small.dcm");
        DicomFile file = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = 1024 });
        JsonObject json = JsonNode.Parse(DicomJson.Serialize(file.Dataset, new DicomJsonOptions { BulkDataThreshold = 1024 }))!.AsObject();
        string uri = (string)json["7FE00010"]!["BulkDataURI"]!;
        Assert.Equal($"file://{path}?offset={file.PixelDataOffset}&length=32768", uri);
        Assert.Null(json["7FE00010"]!["InlineBinary"]);
        Assert.False(file.Dataset.GetElement(DicomTags.PixelData)!.IsBulkDataLoaded);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_round_trips_through_the_model(string file)
    {
        DicomFile read;
        try
        {
            read = DicomFile.Open(PydicomCorpus.FullPath(file));
        }
        catch (DicomFormatException)
        {
            return;
        }

        string json = DicomJson.Serialize(read.Dataset);
        DicomDataset back = DicomJson.Deserialize(json);
        Assert.Equal(json, DicomJson.Serialize(back));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"0010":{"vr":"PN"}}""")]
    [InlineData("""{"00100010":{"vr":"ZZ"}}""")]
    [InlineData("""{"00280010":{"vr":"US","Value":["x"]}}""")]
    [InlineData("""{"00280010":{"vr":"US","Value":[70000]}}""")]
    [InlineData("""{"7FE00010":{"vr":"OW","Value":[1]}}""")]
    public void Bad_json_raises_DicomFormatException(string json) => Assert.Throws<DicomFormatException>(() => DicomJson.Deserialize(json));

    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
