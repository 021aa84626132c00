using System.Globalization;
using Edge.Imaging.Geometry;
using Edge.Reporting.Sources;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// Chooses key slices: for each finding the slice through its centroid, or, when its segment has no pixel there (a
/// crescent), the slice where its segment is largest. Findings sharing a slice share one image, and every finding with
/// pixels on a chosen slice is marked on it.
/// </summary>
internal static class KeySlicePlanner
{
    public static IReadOnlyList<KeySlice> Plan(VolumeGeometry geometry, IReadOnlyList<TrackedFinding> findings, LabelVolume? segments)
    {
        var chosen = new SortedDictionary<int, List<TrackedFinding>>();
        foreach (TrackedFinding tracked in findings)
        {
            int z = Math.Clamp((int)Math.Round(geometry.PatientToIndex(tracked.Finding.CentroidLps).Z, MidpointRounding.AwayFromZero), 0, geometry.Depth - 1);
            if (segments is not null && tracked.SegmentNumber is { } segment && !segments.Slice(z).Contains((byte)segment))
            {
                z = LargestSlice(segments, (byte)segment) ?? z;
            }

            if (!chosen.TryGetValue(z, out List<TrackedFinding>? list))
            {
                chosen[z] = list = [];
            }

            list.Add(tracked);
        }

        return [.. chosen.Select(pair => new KeySlice(pair.Key, [.. findings.Where(f => pair.Value.Contains(f) || OnSlice(segments, f, pair.Key))]))];
    }

    public static string Legend(TrackedFinding tracked)
    {
        var f = tracked.Finding;
        string where = f.Location is { } location ? $" ({location})" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{tracked.TrackingId}{where}: {f.MaxDiameterMm:0.0} mm, {f.VolumeMl:0.00} ml, p {f.Probability:0.00}");
    }

    private static bool OnSlice(LabelVolume? segments, TrackedFinding finding, int z) =>
        segments is not null && finding.SegmentNumber is { } segment && segments.Slice(z).Contains((byte)segment);

    private static int? LargestSlice(LabelVolume segments, byte segment)
    {
        int? best = null;
        int bestCount = 0;
        for (int z = 0; z < segments.Shape.Depth; z++)
        {
            int count = segments.Slice(z).Count(segment);
            if (count > bestCount)
            {
                best = z;
                bestCount = count;
            }
        }

        return best;
    }
}
