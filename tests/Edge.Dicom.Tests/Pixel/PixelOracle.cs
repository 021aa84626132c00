using System.IO.Compression;
using System.Text.Json;

namespace Edge.Dicom.Tests.Pixel;

/// <summary>The committed pixel oracle (Oracle/manifest.json and its .bin.gz arrays); see generate_pixel_oracle.py.</summary>
internal static class PixelOracle
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Pixel", "Oracle");

    public static IReadOnlyList<JsonElement> Entries { get; } = Load();

    public static JsonElement Entry(string file) => Entries.Single(e => e.GetProperty("file").GetString() == file);

    public static byte[] Pixels(string file)
    {
        using FileStream stream = File.OpenRead(Path.Combine(Folder, file + ".bin.gz"));
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static JsonElement[] Load()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
