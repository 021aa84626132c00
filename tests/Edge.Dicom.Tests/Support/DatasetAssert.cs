namespace Edge.Dicom.Tests;

/// <summary>Deep equality of datasets: tags, VRs, value bytes, items and fragments.</summary>
internal static class DatasetAssert
{
    /// <param name="afterWrite">
    /// Compare as a writer must preserve: odd values may gain their one padding byte, retired group lengths may be
    /// recomputed, and a value too long for a 16-bit length may come back as UN (PS3.5 §6.2.2).
    /// </param>
    public static void Equal(DicomDataset expected, DicomDataset actual, bool afterWrite = false, string path = "")
    {
        List<DicomItem> a = [.. expected.Where(i => !afterWrite || !i.Tag.IsGroupLength)];
        List<DicomItem> b = [.. actual.Where(i => !afterWrite || !i.Tag.IsGroupLength)];
        Assert.True(a.Count == b.Count, $"{path}: {a.Count} items expected, {b.Count} found; expected [{Tags(a)}] found [{Tags(b)}]");
        for (int i = 0; i < a.Count; i++)
        {
            ItemEqual(a[i], b[i], afterWrite, $"{path}/{a[i].Tag}");
        }
    }

    private static void ItemEqual(DicomItem x, DicomItem y, bool afterWrite, string path)
    {
        Assert.True(x.Tag == y.Tag, $"{path}: tag {x.Tag} expected, {y.Tag} found");
        Assert.True(x.VR == y.VR || (afterWrite && y.VR == DicomVR.UN), $"{path}: VR {x.VR} expected, {y.VR} found");
        switch (x)
        {
            case DicomElement e:
                var f = Assert.IsType<DicomElement>(y);
                ReadOnlySpan<byte> ev = e.RawValue.Span;
                ReadOnlySpan<byte> fv = f.RawValue.Span;
                bool padded = afterWrite && ev.Length % 2 == 1 && fv.Length == ev.Length + 1 && fv[..ev.Length].SequenceEqual(ev);
                Assert.True(padded || ev.SequenceEqual(fv), $"{path}: values differ ({ev.Length} vs {fv.Length} bytes)");
                break;
            case DicomSequence s:
                var t = Assert.IsType<DicomSequence>(y);
                Assert.True(s.Items.Count == t.Items.Count, $"{path}: {s.Items.Count} items expected, {t.Items.Count} found");
                for (int i = 0; i < s.Items.Count; i++)
                {
                    Equal(s.Items[i], t.Items[i], afterWrite, $"{path}[{i}]");
                }

                break;
            case DicomFragmentSequence g:
                var h = Assert.IsType<DicomFragmentSequence>(y);
                Assert.Equal(g.BasicOffsetTable, h.BasicOffsetTable);
                Assert.True(g.Fragments.Count == h.Fragments.Count, $"{path}: fragment counts differ");
                for (int i = 0; i < g.Fragments.Count; i++)
                {
                    ReadOnlySpan<byte> gv = g.Fragments[i].Span;
                    ReadOnlySpan<byte> hv = h.Fragments[i].Span;
                    bool fragPadded = afterWrite && gv.Length % 2 == 1 && hv.Length == gv.Length + 1 && hv[..gv.Length].SequenceEqual(gv);
                    Assert.True(fragPadded || gv.SequenceEqual(hv), $"{path}: fragment {i} differs");
                }

                break;
        }
    }

    private static string Tags(List<DicomItem> items) => string.Join(' ', items.Select(i => i.Tag.ToString()));
}
