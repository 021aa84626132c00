using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Edge.IO;

namespace Edge.Cli.Commands.Field;

/// <summary>The text files of a support bundle, written as .tar.gz or .zip (chosen by the file name) in one atomic step.</summary>
internal sealed class SupportBundle
{
    private readonly List<(string Name, string Text)> _files = [];

    public IReadOnlyList<(string Name, string Text)> Files => _files;

    public void Add(string name, string text) => _files.Add((name, text));

    public static bool IsSupportedName(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the archive beside <paramref name="path"/> and renames it into place; returns its size in bytes.</summary>
    public long Write(string path, string folder, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
            foreach ((string name, string text) in _files)
            {
                ZipArchiveEntry entry = zip.CreateEntry($"{folder}/{name}", CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                using Stream stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        else
        {
            using var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true);
            using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
            foreach ((string name, string text) in _files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{folder}/{name}")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                    ModificationTime = at,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
                };
                tar.WriteEntry(entry);
            }
        }

        // The bundle may hold internal host names: readable by its owner and group only.
        AtomicFile.Write(Path.GetFullPath(path), buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        return buffer.Length;
    }
}
