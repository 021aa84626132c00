using System.Text.Json;

namespace Edge.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Standard_tag_has_vr_vm_keyword_and_name()
    {
        Assert.True(DicomDictionary.TryGetEntry(new DicomTag(0x0010, 0x0010), out DicomDictionaryEntry? e));
        Assert.Equal(DicomTags.PatientName, e.Tag);
        Assert.Equal([DicomVR.PN], e.ValueRepresentations);
        Assert.Equal("1", e.ValueMultiplicity);
        Assert.Equal("PatientName", e.Keyword);
        Assert.Equal("Patient's Name", e.Name);
        Assert.False(e.IsRetired);
    }

    [Fact]
    public void Ambiguous_vrs_list_the_implicit_default_first()
    {
        Assert.True(DicomDictionary.TryGetEntry(DicomTags.PixelData, out DicomDictionaryEntry? pixel));
        Assert.Equal([DicomVR.OW, DicomVR.OB], pixel.ValueRepresentations);
        Assert.Equal(DicomVR.OW, DicomDictionary.GetDefaultVR(DicomTags.PixelData));

        Assert.True(DicomDictionary.TryGetEntry(DicomTags.SmallestImagePixelValue, out DicomDictionaryEntry? smallest));
        Assert.Equal([DicomVR.US, DicomVR.SS], smallest.ValueRepresentations);
    }

    [Theory]
    [InlineData(0x6000, 0x3000, "OverlayData")]
    [InlineData(0x6002, 0x3000, "OverlayData")]
    [InlineData(0x601E, 0x0010, "OverlayRows")]
    [InlineData(0x5004, 0x3000, "CurveData")]
    [InlineData(0x0028, 0x0410, "RowsForNthOrderCoefficients")]
    [InlineData(0x0020, 0x31AB, "SourceImageIDs")]
    [InlineData(0x1000, 0x0125, "ShiftTableTriplet")]
    public void Repeating_groups_match_their_base_entry(int group, int element, string keyword)
    {
        Assert.True(DicomDictionary.TryGetEntry(new DicomTag((ushort)group, (ushort)element), out DicomDictionaryEntry? e));
        Assert.Equal(keyword, e.Keyword);
    }

    [Fact]
    public void Repeating_group_constants_give_the_base_group()
    {
        Assert.Equal(new DicomTag(0x6000, 0x3000), DicomTags.OverlayData);
        Assert.Equal(new DicomTag(0x5000, 0x0005), DicomTags.CurveDimensions);
    }

    [Fact]
    public void Group_lengths_and_private_creators_are_synthesized()
    {
        Assert.True(DicomDictionary.TryGetEntry(new DicomTag(0x0002, 0x0000), out DicomDictionaryEntry? meta));
        Assert.Equal("FileMetaInformationGroupLength", meta.Keyword);

        Assert.True(DicomDictionary.TryGetEntry(new DicomTag(0x0008, 0x0000), out DicomDictionaryEntry? length));
        Assert.Equal(DicomVR.UL, length.DefaultVR);
        Assert.True(length.IsRetired);
        Assert.Equal(DicomVR.UL, DicomDictionary.GetDefaultVR(new DicomTag(0x1010, 0x0000)));
        Assert.Equal(DicomVR.UL, DicomDictionary.GetDefaultVR(new DicomTag(0x0029, 0x0000)));

        Assert.True(DicomDictionary.TryGetEntry(new DicomTag(0x0029, 0x0010), out DicomDictionaryEntry? creator));
        Assert.Equal(DicomVR.LO, creator.DefaultVR);
        Assert.Equal(DicomVR.LO, DicomDictionary.GetDefaultVR(new DicomTag(0x0029, 0x00FF)));
    }

    [Fact]
    public void Private_and_unknown_tags_are_not_standard()
    {
        Assert.False(DicomDictionary.TryGetEntry(new DicomTag(0x0029, 0x1010), out _));
        Assert.False(DicomDictionary.TryGetEntry(new DicomTag(0x0008, 0x0001 + 0x7000), out _));
        Assert.Equal(DicomVR.UN, DicomDictionary.GetDefaultVR(new DicomTag(0x0029, 0x1010)));
        Assert.Equal(DicomVR.None, DicomDictionary.GetDefaultVR(DicomTag.Item));
    }

    [Fact]
    public void Keyword_lookup_finds_every_keyword_and_nothing_else()
    {
        int withKeyword = 0;
        foreach (DicomDictionaryEntry e in DicomDictionary.Entries)
        {
            if (e.Keyword.Length == 0)
            {
                continue;
            }

            withKeyword++;
            Assert.True(DicomDictionary.TryGetEntry(e.Keyword, out DicomDictionaryEntry? byKeyword), e.Keyword);
            Assert.Same(e, byKeyword);
        }

        Assert.True(withKeyword > 4900);
        Assert.False(DicomDictionary.TryGetEntry("patientname", out _));
        Assert.False(DicomDictionary.TryGetEntry("PatientNam", out _));
        Assert.False(DicomDictionary.TryGetEntry(string.Empty, out _));
    }

    [Theory]
    [InlineData("GEMS_IDEN_01", 0x0009, 0x1001, DicomVR.LO, "Full fidelity")]
    [InlineData("GEMS_IDEN_01", 0x0009, 0x1201, DicomVR.LO, "Full fidelity")]
    [InlineData("SIEMENS CSA HEADER  ", 0x0029, 0x1110, DicomVR.OB, "CSA Image Header Info")]
    [InlineData("SIEMENS CSA HEADER", 0x0029, 0x1008, DicomVR.CS, "CSA Image Header Type")]
    public void Private_entries_are_keyed_by_creator_and_ignore_the_block_byte(string creator, int group, int element, DicomVR vr, string name)
    {
        var tag = new DicomTag((ushort)group, (ushort)element);
        Assert.True(DicomDictionary.TryGetPrivateEntry(creator, tag, out DicomDictionaryEntry? e));
        Assert.Equal(vr, e.DefaultVR);
        Assert.Equal(name, e.Name);
        Assert.Equal(tag, e.Tag);
        Assert.True(DicomDictionary.TryGetPrivateVR(creator, tag, out DicomVR fast));
        Assert.Equal(vr, fast);
    }

    [Fact]
    public void Private_lookup_with_unknown_creator_or_tag_is_false()
    {
        Assert.False(DicomDictionary.TryGetPrivateEntry("NO SUCH CREATOR", new DicomTag(0x0009, 0x1001), out _));
        Assert.False(DicomDictionary.TryGetPrivateEntry("GEMS_IDEN_01", new DicomTag(0x0009, 0x10FE), out _));
        Assert.False(DicomDictionary.TryGetPrivateEntry("GEMS_IDEN_01", new DicomTag(0x0010, 0x1001), out _));
        Assert.False(DicomDictionary.TryGetPrivateVR("GEMS_IDEN_01", new DicomTag(0x0009, 0x0010), out DicomVR vr));
        Assert.Equal(DicomVR.UN, vr);
    }

    [Fact]
    public void Every_pydicom_entry_agrees()
    {
        const string script = """
            import json
            from pydicom._dicom_dict import DicomDictionary as D, RepeatersDictionary as R
            from pydicom.datadict import get_entry
            out = []
            for tag, (vr, vm, name, retired, kw) in D.items():
                out.append([tag, vr, vm, name, retired == 'Retired', kw])
            # one concrete member of each repeating mask: replace each 'x' by 2 (even groups stay even)
            for key, (vr, vm, name, retired, kw) in R.items():
                out.append([int(key.replace('x', '2'), 16), vr, vm, name, retired == 'Retired', kw])
            print(json.dumps(out))
            """;
        using JsonDocument doc = JsonDocument.Parse(PythonOracle.Run(script));
        int checkedCount = 0;
        foreach (JsonElement row in doc.RootElement.EnumerateArray())
        {
            var tag = new DicomTag(row[0].GetUInt32());
            string vr = row[1].GetString()!;
            Assert.True(DicomDictionary.TryGetEntry(tag, out DicomDictionaryEntry? e), tag.ToString());
            string[] expectedVrs = vr == "NONE" ? ["??"] : vr.Split(" or ");
            Assert.Equal(expectedVrs.Order(), e.ValueRepresentations.Select(v => v.Code()).Order());
            Assert.Equal(row[2].GetString(), e.ValueMultiplicity);
            Assert.Equal(row[3].GetString(), e.Name);
            Assert.Equal(row[4].GetBoolean(), e.IsRetired);
            Assert.Equal(row[5].GetString(), e.Keyword);
            checkedCount++;
        }

        Assert.True(checkedCount > 4900, $"only {checkedCount} entries from pydicom");
    }

    [Fact]
    public void Every_pydicom_private_entry_agrees()
    {
        const string script = """
            import json, re
            from pydicom._private_dict import private_dictionaries as P
            out = []
            for creator, d in P.items():
                for key, (vr, vm, name, retired) in d.items():
                    k = key.lower()
                    # only odd groups above 0007 are private (PS3.5 7.8.1), although a few GDCM entries name others
                    if re.fullmatch('[0-9a-f]{4}xx[0-9a-f]{2}', k) and int(k[:4], 16) > 7 and int(k[:4], 16) % 2 == 1:
                        out.append([creator, int(k[:4], 16), 0x1000 | int(k[6:], 16), vr, vm, name])
            print(json.dumps(out))
            """;
        using JsonDocument doc = JsonDocument.Parse(PythonOracle.Run(script));
        int n = 0;
        foreach (JsonElement row in doc.RootElement.EnumerateArray())
        {
            var tag = new DicomTag((ushort)row[1].GetInt32(), (ushort)row[2].GetInt32());
            string creator = row[0].GetString()!;
            Assert.True(DicomDictionary.TryGetPrivateEntry(creator, tag, out DicomDictionaryEntry? e), $"{creator} {tag}");
            // An exact 'ggggbbee' key for the same element wins in pydicom too; only check the block-free ones by VR.
            Assert.Equal(row[3].GetString()!.Replace("_", " or ", StringComparison.Ordinal).Split(" or ").Order(), e.ValueRepresentations.Select(v => v.Code()).Order());
            n++;
        }

        Assert.True(n > 5000, $"only {n} private entries from pydicom");
    }
}
