using System.Text;
using System.Text.Json.Nodes;
using Edge.Inference.Packages;

namespace Edge.Inference.Tests.Support;

/// <summary>Writes a package directory with real files and a manifest whose hashes match them.</summary>
internal static class PackageBuilder
{
    public static string Write(string root, JsonObject? manifest = null, IReadOnlyDictionary<string, byte[]>? contents = null)
    {
        manifest ??= SampleManifest.Node();
        string id = manifest["id"]!.GetValue<string>();
        string directory = Path.Combine(root, id);
        Directory.CreateDirectory(directory);
        foreach (JsonNode? entry in manifest["files"]!.AsArray())
        {
            string path = entry!["path"]!.GetValue<string>();
            byte[] bytes = contents is not null && contents.TryGetValue(path, out byte[]? given) ? given : Encoding.UTF8.GetBytes($"content of {path}");
            string full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            entry["sha256"] = ModelPackageLoader.ComputeSha256(full);
        }

        File.WriteAllText(Path.Combine(directory, ModelPackageLoader.ManifestFileName), manifest.ToJsonString());
        return directory;
    }
}
