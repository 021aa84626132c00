using System.Diagnostics;
using System.Text.Json;
using Edge.Dicom;
using Edge.Imaging.Geometry;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Tests.Objects;

/// <summary>The SEG lies exactly on the source frames and holds exactly the model's labels.</summary>
[Collection(PhantomCollection.Name)]
public sealed class SegmentationTests(PhantomSeries phantom)
{
    private static readonly ResultObjectFactory Factory = new();

    [Fact]
    public void Geometry_matches_the_source_series()
    {
        DicomDataset seg = StructuredReportTests.Reread(Factory.Create(phantom.Request(phantom.Suspicious())).Segmentation!);
        Dictionary<string, DicomDataset> sources = phantom.Files
            .Select(f => DicomFile.Open(f, DicomReadOptions.HeaderOnly).Dataset)
            .ToDictionary(d => d.GetString(DicomTags.SOPInstanceUID)!);
        DicomDataset anySource = sources.Values.First();

        Assert.Equal(anySource.GetString(DicomTags.FrameOfReferenceUID), seg.GetString(DicomTags.FrameOfReferenceUID));
        Assert.Equal(anySource.GetString(DicomTags.Rows), seg.GetString(DicomTags.Rows));
        Assert.Equal(anySource.GetString(DicomTags.Columns), seg.GetString(DicomTags.Columns));
        DicomDataset shared = seg.GetSequence(DicomTags.SharedFunctionalGroupsSequence)!.Items[0];
        DicomDataset measures = shared.GetSequence(DicomTags.PixelMeasuresSequence)!.Items[0];
        Assert.Equal(anySource.GetDoubles(DicomTags.PixelSpacing), measures.GetDoubles(DicomTags.PixelSpacing));
        Assert.Equal(anySource.GetDoubles(DicomTags.SliceThickness), measures.GetDoubles(DicomTags.SliceThickness));
        Assert.Equal(anySource.GetDoubles(DicomTags.ImageOrientationPatient),
            shared.GetSequence(DicomTags.PlaneOrientationSequence)!.Items[0].GetDoubles(DicomTags.ImageOrientationPatient));

        IReadOnlyList<SegFrame> frames = SegFrame.Read(seg);
        Assert.NotEmpty(frames);
        foreach (SegFrame frame in frames)
        {
            Assert.Equal(sources[frame.SourceInstance].GetDoubles(DicomTags.ImagePositionPatient), frame.Position);
        }

        string[] referenced = [.. seg.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items.Single()
            .GetSequence(DicomTags.ReferencedInstanceSequence)!.Items.Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID)!)];
        Assert.Equal(frames.Select(f => f.SourceInstance).Distinct().Order(), referenced.Order());
        Assert.Equal(phantom.Source.SeriesInstanceUid, seg.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items.Single().GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public void Frames_hold_exactly_the_labels_on_exactly_the_slices_that_have_them()
    {
        DicomDataset seg = StructuredReportTests.Reread(Factory.Create(phantom.Request(phantom.Suspicious())).Segmentation!);
        IReadOnlyList<SegFrame> frames = SegFrame.Read(seg);

        AssertSegmentEquals(frames, 1, phantom.Labels, 1);
        AssertSegmentEquals(frames, 2, phantom.Labels, 2);
        Assert.Equal(frames.Count, frames.Select(f => (f.Segment, f.SourceInstance)).Distinct().Count());
    }

    [Fact]
    public void Segments_carry_coded_properties_and_the_algorithm()
    {
        DicomDataset seg = StructuredReportTests.Reread(Factory.Create(phantom.Request(phantom.Suspicious())).Segmentation!);
        IList<DicomDataset> segments = seg.GetSequence(DicomTags.SegmentSequence)!.Items;

        Assert.Equal(2, segments.Count);
        AssertSegment(segments[0], 1, "Pancreas", "123037004", "15776009");
        AssertSegment(segments[1], 2, "Lesion 1", "49755003", "52988006");
        Assert.Equal("15776009", segments[1].GetSequence(DicomTags.AnatomicRegionSequence)!.Items[0].GetString(DicomTags.CodeValue));
        Assert.Equal("BINARY", seg.GetString(DicomTags.SegmentationType));
        Assert.Equal("1", seg.GetString(DicomTags.BitsAllocated));
        Assert.Equal(2, seg.GetSequence(DicomTags.DimensionIndexSequence)!.Items.Count);
    }

    [Fact]
    public void Masks_on_a_cropped_grid_map_back_onto_the_source_frames_exactly()
    {
        // A crop keeps the spacing, as the model's localizer crop does: every source pixel inside it maps to one voxel.
        VolumeGeometry grid = phantom.Labels.Geometry;
        (int z0, int y0, int x0, VolumeShape shape) = BoundingBox(phantom.Labels, margin: 3);
        var cropped = new byte[shape.VoxelCount];
        for (int z = 0; z < shape.Depth; z++)
        {
            for (int y = 0; y < shape.Height; y++)
            {
                for (int x = 0; x < shape.Width; x++)
                {
                    cropped[(((z * shape.Height) + y) * shape.Width) + x] = phantom.Labels[z + z0, y + y0, x + x0];
                }
            }
        }

        var labels = new LabelVolume(grid.SubGrid(z0, y0, x0, shape), cropped);
        Assert.True(shape.VoxelCount < grid.Shape.VoxelCount / 4, $"the crop {shape} should be much smaller than {grid.Shape}");

        DicomDataset seg = StructuredReportTests.Reread(Factory.Create(phantom.Request(phantom.Suspicious(), labels: labels)).Segmentation!);

        AssertSegmentEquals(SegFrame.Read(seg), 1, phantom.Labels, 1);
        AssertSegmentEquals(SegFrame.Read(seg), 2, phantom.Labels, 2);
    }

    [Fact]
    public void Masks_on_a_coarser_grid_map_back_by_nearest_neighbour()
    {
        // Half the in-plane resolution, as a model run at 2× the source spacing produces.
        VolumeGeometry grid = phantom.Labels.Geometry;
        var shape = new VolumeShape(grid.Depth, grid.Height / 2, grid.Width / 2);
        var coarse = new byte[shape.VoxelCount];
        for (int z = 0; z < shape.Depth; z++)
        {
            for (int y = 0; y < shape.Height; y++)
            {
                for (int x = 0; x < shape.Width; x++)
                {
                    coarse[(((z * shape.Height) + y) * shape.Width) + x] = phantom.Labels[z, 2 * y, 2 * x];
                }
            }
        }

        var labels = new LabelVolume(grid.WithGrid(shape, new VoxelSpacing(grid.Spacing.Z, grid.Spacing.Y * 2, grid.Spacing.X * 2)), coarse);
        DicomDataset seg = StructuredReportTests.Reread(Factory.Create(phantom.Request(phantom.Suspicious(), labels: labels)).Segmentation!);
        IReadOnlyList<SegFrame> frames = SegFrame.Read(seg);

        Assert.True(Dice(frames, 1, phantom.Labels, 1) > 0.8, $"pancreas Dice {Dice(frames, 1, phantom.Labels, 1):0.000}");
        Assert.True(Dice(frames, 2, phantom.Labels, 2) > 0.8, $"lesion Dice {Dice(frames, 2, phantom.Labels, 2):0.000}");
        Assert.All(frames, f => Assert.Contains(f.SourceInstance, phantom.Source.Instances.Select(i => i.SopInstanceUid)));
    }

    [Fact]
    public void Pydicom_decodes_the_same_bits()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "seg.dcm");
        Factory.Create(phantom.Request(phantom.Suspicious())).Segmentation!.Save(path);
        int[] ours = [.. SegFrame.Read(DicomFile.Open(path).Dataset).Select(f => f.Pixels.Count(p => p))];

        int[] theirs = PydicomFrameSums(path);

        Assert.Equal(ours, theirs);
    }

    [Fact]
    public void No_segmentation_without_a_label_map()
    {
        ResultObjectSet set = Factory.Create(phantom.Request(phantom.Suspicious()) with { Labels = null });

        Assert.Null(set.Segmentation);
        Assert.Contains(set.Notes, n => n.Contains("no label map", StringComparison.Ordinal));
        DicomDataset sr = StructuredReportTests.Reread(set.StructuredReport!);
        Assert.Empty(SrTree.FindAll(sr, "121191"));
    }

    private void AssertSegmentEquals(IReadOnlyList<SegFrame> frames, int segment, LabelVolume truth, byte label)
    {
        var bySource = frames.Where(f => f.Segment == segment).ToDictionary(f => f.SourceInstance);
        foreach (SourceFrame source in phantom.Source.Frames)
        {
            ReadOnlySpan<byte> slice = truth.Slice(source.Z);
            bool any = slice.Contains(label);
            Assert.Equal(any, bySource.ContainsKey(source.SopInstanceUid));
            if (!any)
            {
                continue;
            }

            bool[] pixels = bySource[source.SopInstanceUid].Pixels;
            for (int i = 0; i < slice.Length; i++)
            {
                Assert.True(pixels[i] == (slice[i] == label), $"segment {segment}, slice {source.Z}, pixel {i}");
            }
        }
    }

    private double Dice(IReadOnlyList<SegFrame> frames, int segment, LabelVolume truth, byte label)
    {
        long both = 0, ours = 0, theirs = 0;
        var bySource = frames.Where(f => f.Segment == segment).ToDictionary(f => f.SourceInstance);
        foreach (SourceFrame source in phantom.Source.Frames)
        {
            ReadOnlySpan<byte> slice = truth.Slice(source.Z);
            bool[]? pixels = bySource.GetValueOrDefault(source.SopInstanceUid)?.Pixels;
            for (int i = 0; i < slice.Length; i++)
            {
                bool a = pixels?[i] ?? false, b = slice[i] == label;
                both += a && b ? 1 : 0;
                ours += a ? 1 : 0;
                theirs += b ? 1 : 0;
            }
        }

        return 2.0 * both / (ours + theirs);
    }

    private static (int Z0, int Y0, int X0, VolumeShape Shape) BoundingBox(LabelVolume labels, int margin)
    {
        int z0 = int.MaxValue, y0 = int.MaxValue, x0 = int.MaxValue, z1 = -1, y1 = -1, x1 = -1;
        VolumeShape s = labels.Shape;
        for (int z = 0; z < s.Depth; z++)
        {
            for (int y = 0; y < s.Height; y++)
            {
                for (int x = 0; x < s.Width; x++)
                {
                    if (labels[z, y, x] != 0)
                    {
                        (z0, y0, x0) = (Math.Min(z0, z), Math.Min(y0, y), Math.Min(x0, x));
                        (z1, y1, x1) = (Math.Max(z1, z), Math.Max(y1, y), Math.Max(x1, x));
                    }
                }
            }
        }

        (z0, y0, x0) = (Math.Max(z0 - margin, 0), Math.Max(y0 - margin, 0), Math.Max(x0 - margin, 0));
        (z1, y1, x1) = (Math.Min(z1 + margin, s.Depth - 1), Math.Min(y1 + margin, s.Height - 1), Math.Min(x1 + margin, s.Width - 1));
        return (z0, y0, x0, new VolumeShape(z1 - z0 + 1, y1 - y0 + 1, x1 - x0 + 1));
    }

    private static void AssertSegment(DicomDataset item, int number, string label, string category, string type)
    {
        Assert.True(item.TryGetUInt16(DicomTags.SegmentNumber, out ushort n));
        Assert.Equal(number, n);
        Assert.Equal(label, item.GetString(DicomTags.SegmentLabel));
        Assert.Equal(category, item.GetSequence(DicomTags.SegmentedPropertyCategoryCodeSequence)!.Items[0].GetString(DicomTags.CodeValue));
        Assert.Equal(type, item.GetSequence(DicomTags.SegmentedPropertyTypeCodeSequence)!.Items[0].GetString(DicomTags.CodeValue));
        Assert.Equal("AUTOMATIC", item.GetString(DicomTags.SegmentAlgorithmType));
        Assert.Equal("Pancreas reference screen 1.0.0", item.GetString(DicomTags.SegmentAlgorithmName));
    }

    private static int[] PydicomFrameSums(string path)
    {
        const string Python = "/usr/bin/python3";
        Assert.True(File.Exists(Python), $"{Python} is missing: install the Debian packages python3-pydicom and python3-numpy (.ci/run does)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, json, pydicom; a = pydicom.dcmread(sys.argv[1]).pixel_array; print(json.dumps([int(f.sum()) for f in a.reshape(-1, a.shape[-2], a.shape[-1])]))");
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "pydicom did not finish within 60 s");
        Assert.True(process.ExitCode == 0, $"pydicom failed: {errors}");
        return JsonSerializer.Deserialize<int[]>(output)!;
    }
}
