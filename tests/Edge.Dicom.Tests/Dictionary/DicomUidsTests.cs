using System.Text.Json;

namespace Edge.Dicom.Tests.Dictionary;

public sealed class DicomUidsTests
{
    [Fact]
    public void Constants_carry_registry_values()
    {
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", DicomUids.CTImageStorage);
        Assert.Equal("1.2.840.10008.1.2.1", DicomUids.ExplicitVRLittleEndian);
        Assert.Equal("1.2.840.10008.1.2.4.70", DicomUids.JPEGLosslessSV1);
        Assert.Equal("1.2.840.10008.1.1", DicomUids.Verification);
    }

    [Fact]
    public void TryGetInfo_describes_transfer_syntaxes_and_sop_classes()
    {
        Assert.True(DicomUids.TryGetInfo(DicomUids.RLELossless, out DicomUidInfo? rle));
        Assert.Equal(DicomUidType.TransferSyntax, rle.Type);
        Assert.Equal("RLE Lossless", rle.Name);
        Assert.False(rle.IsRetired);

        Assert.True(DicomUids.TryGetInfo("1.2.840.10008.5.1.4.1.1.2\0", out DicomUidInfo? ct));
        Assert.Equal(DicomUidType.SopClass, ct.Type);
        Assert.Equal("CTImageStorage", ct.Keyword);

        Assert.True(DicomUids.TryGetInfo(DicomUids.ExplicitVRBigEndian, out DicomUidInfo? be));
        Assert.True(be.IsRetired);
        Assert.True(DicomUids.TryGetInfo(DicomUids.DICOMApplicationContext, out DicomUidInfo? ctx));
        Assert.Equal(DicomUidType.ApplicationContextName, ctx.Type);

        Assert.False(DicomUids.TryGetInfo("1.2.3.4", out _));
        Assert.Equal("1.2.3.4", DicomUids.GetName("1.2.3.4"));
    }

    [Fact]
    public void Every_pydicom_uid_agrees()
    {
        const string script = """
            import json
            from pydicom._uid_dict import UID_dictionary as U
            print(json.dumps([[uid, v[0], v[1], v[3] == 'Retired', v[4]] for uid, v in U.items()]))
            """;
        using JsonDocument doc = JsonDocument.Parse(PythonOracle.Run(script));
        int n = 0;
        foreach (JsonElement row in doc.RootElement.EnumerateArray())
        {
            Assert.True(DicomUids.TryGetInfo(row[0].GetString()!, out DicomUidInfo? info));
            Assert.Equal(row[1].GetString(), info.Name);
            Assert.Equal(row[3].GetBoolean(), info.IsRetired);
            Assert.Equal(row[4].GetString(), info.Keyword);
            if (row[2].GetString() == "Transfer Syntax")
            {
                Assert.Equal(DicomUidType.TransferSyntax, info.Type);
            }

            n++;
        }

        Assert.Equal(n, DicomUids.All.Count());
    }
}
