using System.Globalization;

namespace Edge.Imaging.Assembly;

/// <summary>What a folder or file-list scan found: series by UID, and the files it could not use.</summary>
public sealed class SeriesScan(IReadOnlyList<ScannedSeries> series, int filesExamined, int notDicom, IReadOnlyList<string> unreadable)
{
    /// <summary>Series found, the one with most frames first.</summary>
    public IReadOnlyList<ScannedSeries> Series => series;

    public int FilesExamined => filesExamined;

    /// <summary>Files without a DICOM signature (ground truth JSON, .npy, DICOMDIR-free junk ...).</summary>
    public int NotDicom => notDicom;

    /// <summary>"path: reason" for files that looked like DICOM but could not be read.</summary>
    public IReadOnlyList<string> Unreadable => unreadable;

    /// <summary>What a user should know when <paramref name="chosen"/> is assembled: other series, unreadable files.</summary>
    public IReadOnlyList<VolumeWarning> WarningsFor(ScannedSeries chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var warnings = new List<VolumeWarning>();
        if (series.Count > 1)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.MultipleStacks, string.Create(CultureInfo.InvariantCulture,
                $"{series.Count} series found; using {chosen.SeriesInstanceUid} ({chosen.FileCount} files)")));
        }

        if (unreadable.Count > 0)
        {
            warnings.Add(new VolumeWarning(VolumeWarningKind.Skipped, string.Create(CultureInfo.InvariantCulture,
                $"{unreadable.Count} unreadable file(s), first: {unreadable[0]}")));
        }

        return warnings;
    }
}
