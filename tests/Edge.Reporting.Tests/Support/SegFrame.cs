using Edge.Dicom;

namespace Edge.Reporting.Tests.Support;

/// <summary>Reads a binary SEG back: per frame its segment, source instance, position and pixels (unpacked from 1 bit).</summary>
internal sealed record SegFrame(int Segment, string SourceInstance, double[] Position, bool[] Pixels)
{
    public static IReadOnlyList<SegFrame> Read(DicomDataset seg)
    {
        Assert.True(seg.TryGetUInt16(DicomTags.Rows, out ushort rows));
        Assert.True(seg.TryGetUInt16(DicomTags.Columns, out ushort columns));
        Assert.True(seg.TryGetInt32(DicomTags.NumberOfFrames, out int count));
        byte[] bits = seg.GetElement(DicomTags.PixelData)!.RawValue.ToArray();
        int pixels = rows * columns;
        Assert.Equal(((((long)count * pixels) + 7) / 8 + 1) & ~1L, bits.Length);
        IList<DicomDataset> perFrame = seg.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)!.Items;
        Assert.Equal(count, perFrame.Count);
        var frames = new List<SegFrame>(count);
        for (int f = 0; f < count; f++)
        {
            DicomDataset item = perFrame[f];
            Assert.True(item.GetSequence(DicomTags.SegmentIdentificationSequence)!.Items[0].TryGetUInt16(DicomTags.ReferencedSegmentNumber, out ushort segment));
            string source = item.GetSequence(DicomTags.DerivationImageSequence)!.Items[0]
                .GetSequence(DicomTags.SourceImageSequence)!.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID)!;
            double[] position = item.GetSequence(DicomTags.PlanePositionSequence)!.Items[0].GetDoubles(DicomTags.ImagePositionPatient);
            var mask = new bool[pixels];
            long bit = (long)f * pixels;
            for (int i = 0; i < pixels; i++, bit++)
            {
                mask[i] = (bits[bit >> 3] & (1 << (int)(bit & 7))) != 0;
            }

            frames.Add(new SegFrame(segment, source, position, mask));
        }

        return frames;
    }
}
