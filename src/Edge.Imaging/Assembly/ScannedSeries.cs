namespace Edge.Imaging.Assembly;

/// <summary>The frames of one series found by a scan, in no particular order.</summary>
public sealed class ScannedSeries(string studyInstanceUid, string seriesInstanceUid, IReadOnlyList<FrameHeader> frames)
{
    public string StudyInstanceUid => studyInstanceUid;

    public string SeriesInstanceUid => seriesInstanceUid;

    public IReadOnlyList<FrameHeader> Frames => frames;

    public int FileCount => frames.Select(f => f.Source).Distinct().Count();
}
