using System.Globalization;
using Edge.Dicom;
using Edge.Imaging.Eligibility;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Series → <see cref="CtVolume"/>. Headers are read first (header-only), the stack is chosen and planned from
/// them, then each file's pixels are read once and decoded straight into its slice of the one volume buffer, in
/// parallel. Missing slices of a gap are interpolated in place. Bad input raises <see cref="VolumeAssemblyException"/>.
/// </summary>
public static class VolumeAssembler
{
    /// <summary>Scans the files, takes the series with the most frames (warning if there are others) and assembles it.</summary>
    public static AssembledVolume AssembleFiles(IReadOnlyList<string> paths, VolumeAssemblyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= VolumeAssemblyOptions.Default;
        SeriesScan scan = SeriesScanner.ScanFiles(paths, options.MaxDegreeOfParallelism, cancellationToken);
        if (scan.Series.Count == 0)
        {
            string detail = scan.Unreadable.Count > 0 ? $"; first error: {scan.Unreadable[0]}" : string.Empty;
            throw new VolumeAssemblyException($"no DICOM images among {scan.FilesExamined} file(s){detail}");
        }

        return Assemble(scan.Series[0].Frames, options, scan.WarningsFor(scan.Series[0]), cancellationToken);
    }

    /// <summary>Assembles the frames of one series, choosing among its stacks (axial first, then the most images).</summary>
    public static AssembledVolume Assemble(IReadOnlyList<FrameHeader> frames, VolumeAssemblyOptions? options = null, IReadOnlyList<VolumeWarning>? earlier = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        options ??= VolumeAssemblyOptions.Default;
        var warnings = new List<VolumeWarning>(earlier ?? []);
        IReadOnlyList<ImageStack> stacks = StackGrouper.Group(frames, options, warnings);
        if (stacks.Count == 0)
        {
            string skipped = warnings.FirstOrDefault(w => w.Kind == VolumeWarningKind.Skipped)?.Detail ?? "no images";
            throw new VolumeAssemblyException($"no usable CT images in the series ({skipped})");
        }

        ImageStack chosen = stacks
            .OrderByDescending(s => s.Orientation == SliceOrientation.Axial)
            .ThenByDescending(s => s.Frames.Count)
            .First();
        if (stacks.Count > 1)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.MultipleStacks, Invariant(
                $"series has {stacks.Count} stacks ({string.Join("; ", stacks.Select(s => s.Describe()))}); using {chosen.Describe()}")));
        }

        StackPlan plan = StackPlanner.Plan(chosen, options);
        DicomFile reference = plan.Slices[0].Frame.Source.OpenForPixels();
        SeriesProperties properties = SeriesPropertiesFactory.Create(plan, reference.Dataset);
        CtVolume volume = Build(plan, options, [.. warnings, .. plan.Warnings], cancellationToken);
        return new AssembledVolume(volume, plan, properties);
    }

    /// <summary>Reads the pixels of a plan into a new volume.</summary>
    public static CtVolume Build(StackPlan plan, VolumeAssemblyOptions? options = null, IReadOnlyList<VolumeWarning>? warnings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= VolumeAssemblyOptions.Default;
        FrameHeader first = plan.Slices[0].Frame;
        if (options.ShareDecodedFrames && DecodedSlices(plan) is { } slices)
        {
            return new CtVolume(plan.Geometry, slices)
            {
                StudyInstanceUid = first.StudyInstanceUid,
                SeriesInstanceUid = first.SeriesInstanceUid,
                InstanceCount = plan.InstanceCount,
                Warnings = warnings ?? plan.Warnings,
            };
        }

        VolumeShape shape = plan.Geometry.Shape;
        int sliceLength = shape.SliceLength;
        float[] voxels = options.VoxelBuffer?.Invoke(shape.VoxelCount) is { } given && given.LongLength >= shape.VoxelCount
            ? given
            : GC.AllocateUninitializedArray<float>(checked((int)shape.VoxelCount));
        var byFile = plan.Slices.GroupBy(s => s.Frame.Source).Select(g => g.ToArray()).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.ForEach(byFile, parallel, slices => DecodeFile(slices, voxels, shape, parallel));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            throw Translate(e.InnerExceptions[0]);
        }

        FillMissing(plan, voxels, sliceLength);
        return new CtVolume(plan.Geometry, voxels)
        {
            StudyInstanceUid = first.StudyInstanceUid,
            SeriesInstanceUid = first.SeriesInstanceUid,
            InstanceCount = plan.InstanceCount,
            Warnings = warnings ?? plan.Warnings,
        };
    }

    /// <summary>
    /// The plan's slices as the decoded frames' own arrays, z order, when every slice is such a frame that needs nothing
    /// done to it (see <see cref="VolumeAssemblyOptions.ShareDecodedFrames"/>); null otherwise. The frames then belong to
    /// the volume: their files let them go, as after a copy.
    /// </summary>
    private static float[][]? DecodedSlices(StackPlan plan)
    {
        VolumeShape shape = plan.Geometry.Shape;
        if (plan.MissingSlices.Count > 0 || plan.Slices.Count != shape.Depth)
        {
            return null;
        }

        var slices = new float[shape.Depth][];
        foreach (PlannedSlice slice in plan.Slices)
        {
            if (slice.IsShifted || slice.Frame.Source.Decoded is not { } decoded || decoded[slice.Frame.FrameIndex] is not { } frame
                || frame.Length != shape.SliceLength || slices[slice.Z] is not null)
            {
                return null;
            }

            slices[slice.Z] = frame;
        }

        foreach (PlannedSlice slice in plan.Slices)
        {
            slice.Frame.Source.ReleaseDecoded();
        }

        return slices;
    }

    private static void DecodeFile(PlannedSlice[] slices, float[] voxels, VolumeShape shape, ParallelOptions parallel)
    {
        SourceFile source = slices[0].Frame.Source;
        if (source.Decoded is { } decoded)
        {
            foreach (PlannedSlice slice in slices)
            {
                Place(decoded[slice.Frame.FrameIndex], slice, voxels, shape);
            }

            source.ReleaseDecoded();
            return;
        }

        try
        {
            using FramePixels pixels = FramePixels.Open(source.OpenForPixels(), slices[0].Frame);

            // The first frame loads any lazily held pixel data; the rest of a multi-frame object can then go in parallel.
            DecodeSlice(pixels, slices[0], voxels, shape);
            if (slices.Length > 1)
            {
                Parallel.For(1, slices.Length, parallel, i => DecodeSlice(pixels, slices[i], voxels, shape));
            }
        }
        catch (Exception e) when (e is DicomFormatException or DicomUnsupportedTransferSyntaxException or InvalidOperationException or IOException)
        {
            throw new VolumeAssemblyException($"{source.Path}: {e.Message}", e);
        }
        finally
        {
            source.Release();
        }
    }

    /// <summary>Copies a frame decoded ahead of assembly into its slice, shifted as the plan says.</summary>
    private static void Place(float[] frame, PlannedSlice slice, float[] voxels, VolumeShape shape)
    {
        if (frame.Length != shape.SliceLength)
        {
            throw new VolumeAssemblyException($"{slice.Frame}: {frame.Length} decoded pixels for a {shape.Height} x {shape.Width} slice");
        }

        Span<float> destination = voxels.AsSpan(slice.Z * shape.SliceLength, shape.SliceLength);
        if (slice.IsShifted)
        {
            SliceResampling.Shift(frame, destination, shape.Height, shape.Width, slice.ShiftRows, slice.ShiftColumns);
        }
        else
        {
            frame.CopyTo(destination);
        }
    }

    private static void DecodeSlice(FramePixels pixels, PlannedSlice slice, float[] voxels, VolumeShape shape)
    {
        Span<float> destination = voxels.AsSpan(slice.Z * shape.SliceLength, shape.SliceLength);
        if (!slice.IsShifted)
        {
            pixels.DecodeToHu(slice.Frame.FrameIndex, destination);
            return;
        }

        float[] scratch = System.Buffers.ArrayPool<float>.Shared.Rent(shape.SliceLength);
        try
        {
            pixels.DecodeToHu(slice.Frame.FrameIndex, scratch.AsSpan(0, shape.SliceLength));
            SliceResampling.Shift(scratch.AsSpan(0, shape.SliceLength), destination, shape.Height, shape.Width, slice.ShiftRows, slice.ShiftColumns);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private static void FillMissing(StackPlan plan, float[] voxels, int sliceLength)
    {
        if (plan.MissingSlices.Count == 0)
        {
            return;
        }

        int[] filled = [.. plan.Slices.Select(s => s.Z).Order()];
        foreach (int z in plan.MissingSlices)
        {
            int i = Array.BinarySearch(filled, z);
            int above = ~i;
            SliceResampling.Interpolate(voxels, sliceLength, filled[above - 1], filled[above], z);
        }
    }

    private static Exception Translate(Exception e) => e switch
    {
        VolumeAssemblyException or OperationCanceledException => e,
        _ => new VolumeAssemblyException(e.Message, e),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
