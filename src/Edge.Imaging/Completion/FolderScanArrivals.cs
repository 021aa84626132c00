using Edge.Imaging.Assembly;

namespace Edge.Imaging.Completion;

/// <summary>Arrivals for the tracker from a folder scan (instances copied in or found at start-up), one per file.</summary>
public static class FolderScanArrivals
{
    public static IEnumerable<InstanceArrival> From(SeriesScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Series
            .SelectMany(s => s.Frames)
            .GroupBy(f => f.Source)
            .Select(g => g.First())
            .Select(f => new InstanceArrival(f.StudyInstanceUid, f.SeriesInstanceUid, f.SopInstanceUid, f.Source.Path));
    }
}
