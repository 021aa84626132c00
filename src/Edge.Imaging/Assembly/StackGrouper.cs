using System.Globalization;
using Edge.Dicom;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Splits one series' frames into <see cref="ImageStack"/>s: leaves out what is not a usable CT image (localizers,
/// derived and secondary images, dose reports and other non-CT objects, images without geometry), groups the
/// rest by orientation, image type, stack and phase, and splits repeated acquisitions of the same positions.
/// </summary>
public static class StackGrouper
{
    private static readonly HashSet<string> CtImageClasses =
        [DicomUids.CTImageStorage, DicomUids.EnhancedCTImageStorage, DicomUids.LegacyConvertedEnhancedCTImageStorage];

    private static readonly string[] LocalizerTypes = ["LOCALIZER", "SCOUT", "TOPOGRAM", "SURVIEW", "SCANOGRAM"];

    public static IReadOnlyList<ImageStack> Group(IReadOnlyList<FrameHeader> frames, VolumeAssemblyOptions options, List<VolumeWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        var usable = new List<FrameHeader>(frames.Count);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (FrameHeader frame in frames)
        {
            string? reason = SkipReason(frame, options);
            if (reason is null)
            {
                usable.Add(frame);
            }
            else
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            }
        }

        if (skipped.Count > 0)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.Skipped, string.Join(", ", skipped.Select(s => Invariant($"{s.Value} {s.Key}")))));
        }

        double cosTolerance = Math.Cos(options.StackOrientationToleranceDegrees * Math.PI / 180);
        var groups = new List<List<FrameHeader>>();
        var keys = new List<(Vector3D Row, Vector3D Column, string Key)>();
        foreach (FrameHeader frame in usable)
        {
            string key = Invariant($"{string.Join('\\', frame.ImageType.Take(3))}|{frame.StackId}|{frame.TemporalPosition}|{frame.FrameOfReferenceUid}");
            int index = keys.FindIndex(k => k.Key == key &&
                                            k.Row.Dot(frame.RowDirection!.Value.Normalize()) >= cosTolerance &&
                                            k.Column.Dot(frame.ColumnDirection!.Value.Normalize()) >= cosTolerance);
            if (index < 0)
            {
                keys.Add((frame.RowDirection!.Value.Normalize(), frame.ColumnDirection!.Value.Normalize(), key));
                groups.Add([frame]);
            }
            else
            {
                groups[index].Add(frame);
            }
        }

        return [.. groups.SelectMany(g => SplitRepeatedAcquisitions(g, options.DuplicateToleranceMm)).Select(g => new ImageStack(g))];
    }

    /// <summary>Why a frame cannot be part of a CT volume, as a plural noun phrase; null when it can.</summary>
    public static string? SkipReason(FrameHeader frame, VolumeAssemblyOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        if (!CtImageClasses.Contains(frame.SopClassUid))
        {
            return frame.SopClassUid.StartsWith("1.2.840.10008.5.1.4.1.1.88.", StringComparison.Ordinal) ? "dose reports / structured reports"
                : frame.SopClassUid.StartsWith("1.2.840.10008.5.1.4.1.1.7", StringComparison.Ordinal) ? "secondary captures"
                : "non-CT objects";
        }

        if (frame.ImageType.Any(t => LocalizerTypes.Contains(t)))
        {
            return "localizers";
        }

        if (!options.IncludeDerived && frame.ImageType.Count > 0 && frame.ImageType[0] == "DERIVED")
        {
            return "derived images";
        }

        if (!options.IncludeDerived && frame.ImageType.Count > 1 && frame.ImageType[1] == "SECONDARY")
        {
            return "secondary images";
        }

        if (!frame.HasGeometry || frame.Normal == Vector3D.Zero || !IsFinite(frame.Position!.Value) || !IsFinite(frame.Normal) ||
            frame.RowSpacing is not (> 0 and < double.PositiveInfinity) || frame.ColumnSpacing is not (> 0 and < double.PositiveInfinity) ||
            frame.Rows <= 0 || frame.Columns <= 0)
        {
            return "images without position, orientation or pixel spacing";
        }

        return null;
    }

    // Several acquisitions of the same positions in one stack (repeated scans without a temporal position) become
    // one stack each — but only when that is what removes the duplicate positions, since some scanners number
    // every rotation of a single acquisition.
    private static IEnumerable<List<FrameHeader>> SplitRepeatedAcquisitions(List<FrameHeader> group, double tolerance)
    {
        Vector3D normal = group[0].Normal;
        if (!HasDuplicatePositions(group, normal, tolerance))
        {
            return [group];
        }

        List<List<FrameHeader>> byAcquisition = [.. group.GroupBy(f => f.AcquisitionNumber).Select(g => g.ToList())];
        bool splits = byAcquisition.Count > 1 && byAcquisition.All(g => g.Count > 1 && !HasDuplicatePositions(g, normal, tolerance));
        return splits ? byAcquisition : [group];
    }

    private static bool HasDuplicatePositions(List<FrameHeader> frames, Vector3D normal, double tolerance)
    {
        var positions = frames.Select(f => f.Position!.Value.Dot(normal)).Order().ToArray();
        for (int i = 1; i < positions.Length; i++)
        {
            if (positions[i] - positions[i - 1] < tolerance)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFinite(Vector3D v) => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
