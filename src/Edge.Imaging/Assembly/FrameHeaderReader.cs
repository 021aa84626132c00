using Edge.Dicom;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Reads <see cref="FrameHeader"/>s from a header-only <see cref="DicomFile"/>: one for a single-frame image, one per
/// frame for Enhanced CT, resolving each functional group from the Per-Frame Functional Groups Sequence item
/// or else the Shared one (PS3.3 C.7.6.16): Plane Position, Plane Orientation, Pixel Measures, CT Image Frame
/// Type and Frame Content. Rescale is left to the pixel decoder, which resolves Pixel Value Transformation itself.
/// </summary>
public static class FrameHeaderReader
{
    /// <summary>Largest rows or columns accepted: clinical CT reconstructs at most 2048²; 4096 leaves headroom.</summary>
    public const int MaxMatrix = 4096;

    /// <summary>Most frames accepted in one object: a whole-body thin-slice Enhanced CT holds a few thousand.</summary>
    public const int MaxFrames = 20_000;

    public static IReadOnlyList<FrameHeader> Read(SourceFile source, DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        DicomDataset ds = file.Dataset;
        int frames = ds.TryGetInt32(DicomTags.NumberOfFrames, out int n) ? n : 1;
        DicomDataset? shared = First(ds.GetSequence(DicomTags.SharedFunctionalGroupsSequence));
        DicomSequence? perFrame = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        if (shared is null && perFrame is null)
        {
            return [Build(source, ds, 0, false, ds, null, null)];
        }

        if (frames < 1 || frames > MaxFrames)
        {
            throw new InvalidDataException($"{source.Path}: NumberOfFrames {frames} is outside 1-{MaxFrames}");
        }

        if (perFrame is not null && perFrame.Items.Count != frames)
        {
            throw new InvalidDataException($"{source.Path}: {perFrame.Items.Count} per-frame functional group items for {frames} frames");
        }

        var result = new FrameHeader[frames];
        for (int f = 0; f < frames; f++)
        {
            result[f] = Build(source, ds, f, true, null, shared, perFrame?.Items[f]);
        }

        return result;
    }

    private static FrameHeader Build(SourceFile source, DicomDataset ds, int frame, bool multiFrame, DicomDataset? single, DicomDataset? shared, DicomDataset? own)
    {
        DicomDataset? position = single ?? Macro(own, shared, DicomTags.PlanePositionSequence);
        DicomDataset? orientation = single ?? Macro(own, shared, DicomTags.PlaneOrientationSequence);
        DicomDataset? measures = single ?? Macro(own, shared, DicomTags.PixelMeasuresSequence);
        DicomDataset? frameType = Macro(own, shared, DicomTags.CTImageFrameTypeSequence);
        DicomDataset? content = Macro(own, shared, DicomTags.FrameContentSequence);

        double[] iop = orientation?.GetDoubles(DicomTags.ImageOrientationPatient) ?? [];
        double[] ipp = position?.GetDoubles(DicomTags.ImagePositionPatient) ?? [];
        double[] spacing = measures?.GetDoubles(DicomTags.PixelSpacing) ?? [];
        string[] imageType = frameType?.GetStrings(DicomTags.FrameType) is { Length: > 0 } ft ? ft : ds.GetStrings(DicomTags.ImageType);
        int rows = ds.TryGetInt32(DicomTags.Rows, out int r) ? r : 0;
        int columns = ds.TryGetInt32(DicomTags.Columns, out int c) ? c : 0;
        if (rows > MaxMatrix || columns > MaxMatrix)
        {
            throw new InvalidDataException($"{source.Path}: {rows} x {columns} exceeds the {MaxMatrix} x {MaxMatrix} limit");
        }

        return new FrameHeader
        {
            Source = source,
            FrameIndex = frame,
            IsMultiFrame = multiFrame,
            SopClassUid = ds.GetString(DicomTags.SOPClassUID) ?? string.Empty,
            SopInstanceUid = ds.GetString(DicomTags.SOPInstanceUID) ?? string.Empty,
            StudyInstanceUid = ds.GetString(DicomTags.StudyInstanceUID) ?? string.Empty,
            SeriesInstanceUid = ds.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty,
            FrameOfReferenceUid = ds.GetString(DicomTags.FrameOfReferenceUID),
            Modality = ds.GetString(DicomTags.Modality),
            ImageType = [.. imageType.Select(t => t.Trim().ToUpperInvariant())],
            InstanceNumber = ds.TryGetInt32(DicomTags.InstanceNumber, out int number) ? number : null,
            AcquisitionNumber = ds.TryGetInt32(DicomTags.AcquisitionNumber, out int acquisition) ? acquisition : null,
            TemporalPosition = content is not null && content.TryGetInt32(DicomTags.TemporalPositionIndex, out int tpi) ? tpi
                : ds.TryGetInt32(DicomTags.TemporalPositionIdentifier, out int tp) ? tp : null,
            StackId = content?.GetString(DicomTags.StackID),
            Rows = rows,
            Columns = columns,
            RowSpacing = spacing.Length == 2 ? spacing[0] : null,
            ColumnSpacing = spacing.Length == 2 ? spacing[1] : null,
            Position = ipp.Length == 3 ? new Vector3D(ipp[0], ipp[1], ipp[2]) : null,
            RowDirection = iop.Length == 6 ? new Vector3D(iop[0], iop[1], iop[2]) : null,
            ColumnDirection = iop.Length == 6 ? new Vector3D(iop[3], iop[4], iop[5]) : null,
            SliceThickness = measures is not null && measures.TryGetDouble(DicomTags.SliceThickness, out double t) ? t : null,
            GantryTilt = ds.TryGetDouble(DicomTags.GantryDetectorTilt, out double tilt) ? tilt : null,
        };
    }

    // A functional group macro: the frame's own item wins over the shared one (PS3.3 C.7.6.16.1).
    private static DicomDataset? Macro(DicomDataset? own, DicomDataset? shared, DicomTag sequence) =>
        First(own?.GetSequence(sequence)) ?? First(shared?.GetSequence(sequence));

    private static DicomDataset? First(DicomSequence? sequence) => sequence is { Items.Count: > 0 } s ? s.Items[0] : null;
}
