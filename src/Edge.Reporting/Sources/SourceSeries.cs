using Edge.Dicom;
using Edge.Imaging.Assembly;
using Edge.Imaging.Geometry;

namespace Edge.Reporting.Sources;

/// <summary>
/// The series a result is about: one instance's header (patient, study and series attributes, no pixel data), every
/// frame that went into the volume, and the volume's geometry. Result objects copy the patient and study context from
/// the header, reference the frames, and place segmentation frames exactly on them.
/// </summary>
public sealed class SourceSeries
{
    public SourceSeries(DicomDataset header, IReadOnlyList<SourceFrame> frames, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(geometry);
        if (frames.Count == 0)
        {
            throw new ArgumentException("a source series needs at least one frame", nameof(frames));
        }

        StudyInstanceUid = header.GetString(DicomTags.StudyInstanceUID)
            ?? throw new ArgumentException("the source header has no Study Instance UID", nameof(header));
        SeriesInstanceUid = header.GetString(DicomTags.SeriesInstanceUID)
            ?? throw new ArgumentException("the source header has no Series Instance UID", nameof(header));
        Header = header;
        Frames = [.. frames.OrderBy(f => f.Z)];
        Geometry = geometry;
        FrameOfReferenceUid = header.GetString(DicomTags.FrameOfReferenceUID);
    }

    public DicomDataset Header { get; }

    /// <summary>The frames in volume slice order. A slice interpolated over a gap has no frame.</summary>
    public IReadOnlyList<SourceFrame> Frames { get; }

    public VolumeGeometry Geometry { get; }

    public string StudyInstanceUid { get; }

    public string SeriesInstanceUid { get; }

    public string? FrameOfReferenceUid { get; }

    /// <summary>Each distinct instance once (SOP class, SOP instance), in slice order.</summary>
    public IEnumerable<(string SopClassUid, string SopInstanceUid)> Instances =>
        Frames.Select(f => (f.SopClassUid, f.SopInstanceUid)).Distinct();

    /// <summary>The frame that filled volume slice <paramref name="z"/>, or null for an interpolated slice.</summary>
    public SourceFrame? FrameAt(int z) => Frames.FirstOrDefault(f => f.Z == z);

    /// <summary>The frame nearest to volume slice <paramref name="z"/> (the slice itself unless it was interpolated).</summary>
    public SourceFrame NearestFrame(int z) => Frames.MinBy(f => Math.Abs(f.Z - z))!;

    /// <summary>The series as assembly planned it: the frames it placed, the header of the first, the plan's geometry.</summary>
    public static SourceSeries FromPlan(StackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Slices.Count == 0)
        {
            throw new ArgumentException("the plan places no frames", nameof(plan));
        }

        FrameHeader first = plan.Slices[0].Frame;
        DicomDataset header = (first.Source.File ?? DicomFile.Open(first.Source.Path, DicomReadOptions.HeaderOnly)).Dataset;
        var frames = new List<SourceFrame>(plan.Slices.Count);
        foreach (PlannedSlice slice in plan.Slices)
        {
            FrameHeader frame = slice.Frame;
            if (frame.Position is not { } position || frame.RowDirection is not { } row || frame.ColumnDirection is not { } column)
            {
                throw new ArgumentException($"{frame} has no geometry; assembly should not have placed it", nameof(plan));
            }

            frames.Add(new SourceFrame
            {
                SopClassUid = frame.SopClassUid,
                SopInstanceUid = frame.SopInstanceUid,
                FrameNumber = frame.IsMultiFrame ? frame.FrameIndex + 1 : null,
                Z = slice.Z,
                Position = position,
                RowDirection = row,
                ColumnDirection = column,
                RowSpacing = frame.RowSpacing ?? plan.Geometry.Spacing.Y,
                ColumnSpacing = frame.ColumnSpacing ?? plan.Geometry.Spacing.X,
                Rows = frame.Rows,
                Columns = frame.Columns,
                SliceThickness = frame.SliceThickness ?? plan.SliceThickness,
            });
        }

        return new SourceSeries(header, frames, plan.Geometry);
    }
}
