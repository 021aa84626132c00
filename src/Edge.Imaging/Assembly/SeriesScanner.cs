using Edge.Dicom;
using Microsoft.Win32.SafeHandles;

namespace Edge.Imaging.Assembly;

/// <summary>
/// Reads the headers (never the pixels) of many files in parallel and groups their frames by series. Files
/// without a DICOM signature are counted and ignored; unreadable DICOM files are reported, never fatal.
/// </summary>
public static class SeriesScanner
{
    public static SeriesScan ScanDirectory(string directory, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"'{directory}' is not a directory");
        }

        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Order(StringComparer.Ordinal)
            .ToList();
        return ScanFiles(files, maxDegreeOfParallelism, cancellationToken);
    }

    /// <param name="known">
    /// Frames already read for a path (a file decoded ahead of assembly, <see cref="DecodedInstance"/>), or null to read
    /// the file; the caller vouches that the file has not changed since.
    /// </param>
    public static SeriesScan ScanFiles(IReadOnlyList<string> paths, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default,
        Func<string, IReadOnlyList<FrameHeader>?>? known = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new IReadOnlyList<FrameHeader>?[paths.Count];
        var errors = new string?[paths.Count];
        var notDicom = new bool[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            string path = paths[i];
            if (known?.Invoke(path) is { } frames)
            {
                results[i] = frames;
                return;
            }

            if (!LooksLikeDicom(path))
            {
                notDicom[i] = true;
                return;
            }

            try
            {
                DicomFile file = DicomFile.Open(path, DicomReadOptions.HeaderOnly);
                results[i] = FrameHeaderReader.Read(new SourceFile(path, file), file);
            }
            catch (Exception e) when (e is DicomFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors[i] = $"{path}: {e.Message}";
            }
        });

        List<ScannedSeries> series = [.. results
            .Where(r => r is not null)
            .SelectMany(r => r!)
            .GroupBy(f => f.SeriesInstanceUid, StringComparer.Ordinal)
            .Select(g => new ScannedSeries(g.First().StudyInstanceUid, g.Key, [.. g]))
            .OrderByDescending(s => s.Frames.Count)];
        return new SeriesScan(series, paths.Count, notDicom.Count(n => n), [.. errors.Where(e => e is not null)!]);
    }

    /// <summary>
    /// A Part 10 file has "DICM" at offset 128 (PS3.10 §7.1); a bare dataset (older systems) starts with a group
    /// 0002 or 0008 tag in either byte order. Anything else is not worth parsing.
    /// </summary>
    public static bool LooksLikeDicom(string path)
    {
        Span<byte> head = stackalloc byte[132];
        int read;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            read = RandomAccess.Read(handle, head, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (read >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M')
        {
            return true;
        }

        return read >= 8 && ((head[0] is 0x02 or 0x08 && head[1] == 0) || (head[0] == 0 && head[1] is 0x02 or 0x08));
    }
}
