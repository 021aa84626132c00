namespace Edge.Cli.Commands.Network;

/// <summary>
/// The files a send covers. Files named on the command line are always sent (and fail loudly if they are not DICOM);
/// files found while walking a directory are only taken when they carry the Part 10 "DICM" marker (PS3.10 §7.1).
/// </summary>
internal sealed record FileSet(IReadOnlyList<string> Files, IReadOnlyList<string> Missing, int Skipped)
{
    public static FileSet Collect(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        int skipped = 0;
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Order(StringComparer.Ordinal);
                foreach (string file in found)
                {
                    if (HasPart10Marker(file))
                    {
                        files.Add(file);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new FileSet(files, missing, skipped);
    }

    private static bool HasPart10Marker(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            Span<byte> marker = stackalloc byte[4];
            return RandomAccess.Read(handle, marker, 128) == 4 && marker.SequenceEqual("DICM"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
