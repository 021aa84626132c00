using Edge.Dicom;
using Edge.Imaging.Geometry;
using Edge.Reporting.Dicom;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Segmentation;

/// <summary>
/// Builds a binary DICOM Segmentation (PS3.3 A.51) of a <see cref="SegmentPlan"/>. Every frame lies exactly on one
/// source frame (its Image Position and Orientation copied, its pixels sampled from the segment map at that frame's
/// pixel centres) and references it as its source image. Only frames that contain pixels of their segment are
/// stored; frames are ordered by segment number, then by position along the slice normal, which is also the
/// dimension organisation (Referenced Segment Number, then Image Position Patient).
/// </summary>
internal static class SegmentationBuilder
{
    /// <summary>PS3.3 C.8.20.2.1: Content Label is CS, 16 characters at most.</summary>
    private const string ContentLabel = "AI_SEGMENTATION";

    /// <summary>Builds the object; null when no segment has a pixel on any source frame.</summary>
    public static DicomDataset? Build(CompositeContext context, ResultReportRequest request, SegmentPlan plan, string seriesDescription)
    {
        SourceSeries source = request.Source;
        if (plan.IsEmpty || source.FrameOfReferenceUid is not { } frameOfReference)
        {
            return null;
        }

        SourceFrame first = source.Frames[0];
        if (source.Frames.Any(f => f.Rows != first.Rows || f.Columns != first.Columns))
        {
            throw new ArgumentException("source frames differ in size; a segmentation needs one matrix", nameof(request));
        }

        List<(SegmentDefinition Segment, SourceFrame Frame, int Position)> frames = Frames(source, plan);
        if (frames.Count == 0)
        {
            return null;
        }

        string sop = context.Uids.For("seg");
        DicomDataset ds = context.Create(DicomUids.SegmentationStorage, sop, "SEG", context.Uids.For("seg/series"), 3, seriesDescription, 1);
        DatasetTranscoder.Copy(source.Header, ds, DicomTags.BodyPartExamined);
        ds.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY");
        ds.AddOrUpdate(DicomTags.ContentLabel, DicomVR.CS, ContentLabel);
        DicomText.Set(ds, DicomTags.ContentDescription, DicomVR.LO, $"{request.Algorithm.Name} {request.Algorithm.Version}");
        DicomText.SetEmpty(ds, DicomTags.ContentCreatorName, DicomVR.PN);
        ds.AddOrUpdate(DicomTags.FrameOfReferenceUID, DicomVR.UI, frameOfReference);
        DatasetTranscoder.Copy(source.Header, ds, DicomTags.PositionReferenceIndicator);
        if (!ds.Contains(DicomTags.PositionReferenceIndicator))
        {
            DicomText.SetEmpty(ds, DicomTags.PositionReferenceIndicator, DicomVR.LO);
        }

        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, checked((ushort)first.Rows));
        ds.SetUInt16(DicomTags.Columns, checked((ushort)first.Columns));
        ds.SetUInt16(DicomTags.BitsAllocated, 1);
        ds.SetUInt16(DicomTags.BitsStored, 1);
        ds.SetUInt16(DicomTags.HighBit, 0);
        ds.SetUInt16(DicomTags.PixelRepresentation, 0);
        ds.AddOrUpdate(DicomTags.LossyImageCompression, DicomVR.CS, "00");
        ds.AddOrUpdate(DicomTags.SegmentationType, DicomVR.CS, "BINARY");
        ds.AddOrUpdate(DicomTags.SegmentsOverlap, DicomVR.CS, "NO");
        int[] used = [.. frames.Select(f => f.Segment.Number).Distinct()];
        ds.SetSequence(DicomTags.SegmentSequence, [.. plan.Segments.Where(s => used.Contains(s.Number)).Select(s => SegmentItem(s, request.Algorithm))]);

        string dimensionOrganization = context.Uids.For("seg/dimensions");
        ds.SetSequence(DicomTags.DimensionOrganizationSequence, DimensionOrganization(dimensionOrganization));
        ds.AddOrUpdate(DicomTags.DimensionOrganizationType, DicomVR.CS, "3D");
        ds.SetSequence(DicomTags.DimensionIndexSequence,
            DimensionIndex(dimensionOrganization, DicomTags.ReferencedSegmentNumber, DicomTags.SegmentIdentificationSequence, "Segment Number"),
            DimensionIndex(dimensionOrganization, DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "Image Position Patient"));

        bool oneOrientation = frames.All(f => SameOrientation(f.Frame, first));
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, Shared(first, oneOrientation));
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. frames.Select(f => PerFrame(f.Segment, f.Frame, f.Position, oneOrientation))]);
        ds.SetIntegerString(DicomTags.NumberOfFrames, frames.Count);

        ds.SetSequence(DicomTags.ReferencedSeriesSequence, ReferencedSeries(source, frames.Select(f => f.Frame)));
        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OB, Pack(plan, frames, first.Rows, first.Columns));
        return ds;
    }

    /// <summary>
    /// The frames to store: (segment, source frame, 1-based slice position) for every source frame showing the segment.
    /// Only which segments each frame shows is kept, not the sampled planes: a 600-slice series would otherwise hold
    /// 150 MB of planes; sampling again while packing is a copy per row.
    /// </summary>
    private static List<(SegmentDefinition Segment, SourceFrame Frame, int Position)> Frames(SourceSeries source, SegmentPlan plan)
    {
        var shown = new bool[source.Frames.Count][];
        Parallel.For(0, source.Frames.Count, () => Array.Empty<byte>(), (i, _, plane) =>
        {
            SourceFrame frame = source.Frames[i];
            plane = plane.Length == frame.Rows * frame.Columns ? plane : new byte[frame.Rows * frame.Columns];
            Sample(plan, frame, plane);
            var segments = new bool[plan.Segments.Count + 1];
            foreach (byte value in plane)
            {
                segments[value] = true;
            }

            shown[i] = segments;
            return plane;
        }, static _ => { });

        var frames = new List<(SegmentDefinition, SourceFrame, int)>();
        foreach (SegmentDefinition segment in plan.Segments)
        {
            for (int i = 0; i < source.Frames.Count; i++)
            {
                if (shown[i][segment.Number])
                {
                    frames.Add((segment, source.Frames[i], i + 1));
                }
            }
        }

        return frames;
    }

    private static byte[] Pack(SegmentPlan plan, List<(SegmentDefinition Segment, SourceFrame Frame, int Position)> frames, int rows, int columns)
    {
        var packer = new BinaryFramePacker(frames.Count, rows * columns);
        var plane = new byte[rows * columns];
        foreach ((SegmentDefinition segment, SourceFrame frame, _) in frames)
        {
            Sample(plan, frame, plane);
            packer.Add(plane, (byte)segment.Number);
        }

        return packer.ToArray();
    }

    /// <summary>The segment map at the centres of the frame's pixels.</summary>
    private static void Sample(SegmentPlan plan, SourceFrame frame, byte[] plane) =>
        plan.Map.SamplePlane(frame.Position, frame.RowDirection * frame.ColumnSpacing, frame.ColumnDirection * frame.RowSpacing, frame.Rows, frame.Columns, plane);

    private static DicomDataset SegmentItem(SegmentDefinition segment, AlgorithmDescription algorithm)
    {
        var item = new DicomDataset();
        item.SetUInt16(DicomTags.SegmentNumber, checked((ushort)segment.Number));
        DicomText.Set(item, DicomTags.SegmentLabel, DicomVR.LO, segment.Label);
        CodeItems.Set(item, DicomTags.SegmentedPropertyCategoryCodeSequence, segment.Category);
        CodeItems.Set(item, DicomTags.SegmentedPropertyTypeCodeSequence, segment.Type);
        if (segment.AnatomicRegion is { } region)
        {
            CodeItems.Set(item, DicomTags.AnatomicRegionSequence, region);
        }

        item.AddOrUpdate(DicomTags.SegmentAlgorithmType, DicomVR.CS, "AUTOMATIC");
        DicomText.Set(item, DicomTags.SegmentAlgorithmName, DicomVR.LO, $"{algorithm.Name} {algorithm.Version}");
        DicomText.Set(item, DicomTags.TrackingID, DicomVR.UT, segment.TrackingId);
        item.AddOrUpdate(DicomTags.TrackingUID, DicomVR.UI, segment.TrackingUid);
        item.SetUInt16(DicomTags.RecommendedDisplayCIELabValue, CieLab.FromSrgb(segment.Color));
        return item;
    }

    private static DicomDataset DimensionOrganization(string uid)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.DimensionOrganizationUID, DicomVR.UI, uid);
        return item;
    }

    private static DicomDataset DimensionIndex(string organization, DicomTag pointer, DicomTag group, string label)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization);
        item.SetTags(DicomTags.DimensionIndexPointer, pointer);
        item.SetTags(DicomTags.FunctionalGroupPointer, group);
        DicomText.Set(item, DicomTags.DimensionDescriptionLabel, DicomVR.LO, label);
        return item;
    }

    private static DicomDataset Shared(SourceFrame frame, bool oneOrientation)
    {
        var measures = new DicomDataset();
        measures.SetDecimalString(DicomTags.PixelSpacing, frame.RowSpacing, frame.ColumnSpacing);
        if (frame.SliceThickness is { } thickness)
        {
            measures.SetDecimalString(DicomTags.SliceThickness, thickness);
        }

        var shared = new DicomDataset();
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        if (oneOrientation)
        {
            shared.SetSequence(DicomTags.PlaneOrientationSequence, Orientation(frame));
        }

        return shared;
    }

    private static DicomDataset PerFrame(SegmentDefinition segment, SourceFrame frame, int position, bool oneOrientation)
    {
        var derivation = new DicomDataset();
        CodeItems.Set(derivation, DicomTags.DerivationCodeSequence, ReportingCodes.Segmentation);
        derivation.SetSequence(DicomTags.SourceImageSequence, ReferenceItems.SourceImage(frame));

        var content = new DicomDataset();
        content.SetUInt32(DicomTags.DimensionIndexValues, checked((uint)segment.Number), checked((uint)position));

        var plane = new DicomDataset();
        plane.SetDecimalString(DicomTags.ImagePositionPatient, frame.Position.X, frame.Position.Y, frame.Position.Z);

        var identification = new DicomDataset();
        identification.SetUInt16(DicomTags.ReferencedSegmentNumber, checked((ushort)segment.Number));

        var item = new DicomDataset();
        item.SetSequence(DicomTags.DerivationImageSequence, derivation);
        item.SetSequence(DicomTags.FrameContentSequence, content);
        item.SetSequence(DicomTags.PlanePositionSequence, plane);
        if (!oneOrientation)
        {
            item.SetSequence(DicomTags.PlaneOrientationSequence, Orientation(frame));
        }

        item.SetSequence(DicomTags.SegmentIdentificationSequence, identification);
        return item;
    }

    private static DicomDataset Orientation(SourceFrame frame)
    {
        var item = new DicomDataset();
        Vector3D r = frame.RowDirection, c = frame.ColumnDirection;
        item.SetDecimalString(DicomTags.ImageOrientationPatient, r.X, r.Y, r.Z, c.X, c.Y, c.Z);
        return item;
    }

    private static DicomDataset ReferencedSeries(SourceSeries source, IEnumerable<SourceFrame> frames)
    {
        var item = new DicomDataset();
        item.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, source.SeriesInstanceUid);
        item.SetSequence(DicomTags.ReferencedInstanceSequence, [.. frames
            .Select(f => (f.SopClassUid, f.SopInstanceUid)).Distinct()
            .Select(i => ReferenceItems.Sop(i.SopClassUid, i.SopInstanceUid))]);
        return item;
    }

    private static bool SameOrientation(SourceFrame a, SourceFrame b) => a.RowDirection == b.RowDirection && a.ColumnDirection == b.ColumnDirection;
}
