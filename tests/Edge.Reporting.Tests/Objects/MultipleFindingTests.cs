using Edge.Dicom;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Inference.Screening;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Tests.Objects;

/// <summary>Two lesions: each its own segment, measurement group and mark, linked by tracking identifiers.</summary>
[Collection(PhantomCollection.Name)]
public sealed class MultipleFindingTests(PhantomSeries phantom)
{
    [Fact]
    public void Each_finding_gets_its_own_segment_group_and_key_image()
    {
        (LabelVolume labels, Finding[] findings) = WithSecondLesion();
        ModelResult result = phantom.Suspicious() with { Findings = findings };

        ResultObjectSet set = new ResultObjectFactory().Create(phantom.Request(result, labels: labels));

        DicomDataset seg = StructuredReportTests.Reread(set.Segmentation!);
        DicomDataset sr = StructuredReportTests.Reread(set.StructuredReport!);
        IList<DicomDataset> segments = seg.GetSequence(DicomTags.SegmentSequence)!.Items;
        Assert.Equal(["Pancreas", "Lesion 1", "Lesion 2"], segments.Select(s => s.GetString(DicomTags.SegmentLabel)));
        IReadOnlyList<SegFrame> frames = SegFrame.Read(seg);
        for (int i = 0; i < findings.Length; i++)
        {
            DicomDataset group = SrTree.FindAll(sr, "125007").Single(g => SrTree.Text(SrTree.ChildrenNamed(g, "112039")[0]) == $"Lesion {i + 1}");
            Assert.Equal(findings[i].VolumeMl, SrTree.Num(SrTree.ChildrenNamed(group, "118565006")[0]).Exact);
            DicomDataset reference = SrTree.ChildrenNamed(group, "121191")[0].GetSequence(DicomTags.ReferencedSOPSequence)!.Items[0];
            Assert.True(reference.TryGetUInt16(DicomTags.ReferencedSegmentNumber, out ushort number));
            Assert.Equal(i + 2, number);

            // The segment's pixel count over all frames is the finding's voxel count: the same component.
            Assert.Equal(findings[i].VoxelCount, frames.Where(f => f.Segment == number).Sum(f => f.Pixels.Count(p => p)));
        }

        Assert.Equal(2, set.KeyImages.Count());
        foreach (ResultObject image in set.Objects)
        {
            using var directory = new TempDirectory();
            string path = Path.Combine(directory.Path, image.FileName);
            image.Save(path);
            Dciodvfy.AssertValid(path);
        }
    }

    /// <summary>The phantom's labels plus a 3×3×3 lesion in the pancreas, far from the first; both measured as the model would.</summary>
    private (LabelVolume Labels, Finding[] Findings) WithSecondLesion()
    {
        byte[] map = (byte[])phantom.Labels.Labels.Clone();
        var shape = phantom.Labels.Shape;
        Component pancreas = ConnectedComponents.Find(map, shape, 1, 26)[0];
        Component first = ConnectedComponents.Find(map, shape, 2, 26)[0];
        int firstZ = first.Voxels[0] / shape.SliceLength;
        int seed = pancreas.Voxels.Where(v => Math.Abs((v / shape.SliceLength) - firstZ) > 6).MaxBy(v => v % shape.Width);
        int sz = seed / shape.SliceLength, sy = seed % shape.SliceLength / shape.Width, sx = seed % shape.Width;
        for (int z = sz - 1; z <= sz + 1; z++)
        {
            for (int y = sy - 1; y <= sy + 1; y++)
            {
                for (int x = sx - 2; x <= sx; x++)
                {
                    map[(((z * shape.Height) + y) * shape.Width) + x] = 2;
                }
            }
        }

        var labels = new LabelVolume(phantom.Labels.Geometry, map);
        OutputLabel lesion = TestManifest.Manifest.Labels.Single(l => l.Role == LabelRole.Finding);
        var probability = new float[map.Length];
        Array.Fill(probability, 0.8f);
        Finding[] findings = [.. ConnectedComponents.Find(map, shape, 2, 26)
            .Select(c => FindingMeasurer.Measure(c, lesion, labels.Geometry, probability, null, null))];
        Assert.Equal(2, findings.Length);
        return (labels, findings);
    }
}
