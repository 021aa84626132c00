using Edge.Dicom.Network.Storage;
using Edge.Imaging.Completion;
using Edge.Store;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>
/// Start-up recovery of series whose instances are on disk but whose completion was never committed (the process died
/// while they were arriving or waiting out their quiet time). The received tree is the durable record of receiving:
/// {root}/{Study}/{Series}/{SOP}.dcm. A series directory is tracked again when the store has no record of the series,
/// or when it holds files written after the series was last completed (late instances).
/// </summary>
public static class StorageRescan
{
    /// <summary>File times and the store's times come from different clocks paths; a second absorbs rounding.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>Returns how many series were handed to the tracker.</summary>
    public static int Run(string storageRoot, EdgeStore store, SeriesCompletionTracker tracker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tracker);
        if (!Directory.Exists(storageRoot))
        {
            return 0;
        }

        int tracked = 0;
        foreach (string studyDirectory in Directory.EnumerateDirectories(storageRoot))
        {
            if (Path.GetFileName(studyDirectory) == InstanceStore.IncomingDirectoryName)
            {
                continue;
            }

            foreach (string seriesDirectory in Directory.EnumerateDirectories(studyDirectory))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Rescan(Path.GetFileName(studyDirectory), seriesDirectory, store, tracker))
                {
                    tracked++;
                }
            }
        }

        return tracked;
    }

    private static bool Rescan(string studyUid, string seriesDirectory, EdgeStore store, SeriesCompletionTracker tracker)
    {
        string seriesUid = Path.GetFileName(seriesDirectory);
        var files = new DirectoryInfo(seriesDirectory).GetFiles("*.dcm");
        if (files.Length == 0)
        {
            return false;
        }

        SeriesRecord? known = store.GetSeries(seriesUid);
        if (known is not null && !files.Any(f => new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero) > known.LastReceivedAt + Slack))
        {
            return false;
        }

        foreach (FileInfo file in files)
        {
            tracker.InstanceReceived(new InstanceArrival(studyUid, seriesUid, Path.GetFileNameWithoutExtension(file.Name), file.FullName));
        }

        return true;
    }
}
