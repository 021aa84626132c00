using System.Security.Cryptography;

namespace Edge.Inference.Packages;

/// <summary>
/// Loads a package directory: validates manifest.json, then hashes every listed file and refuses the package on the first
/// mismatch. Nothing from a package is ever used before this check passes.
/// </summary>
public static class ModelPackageLoader
{
    public const string ManifestFileName = "manifest.json";

    /// <summary>
    /// The ONNX protobuf limit is 2 GiB per file (larger models use external data files, each listed and hashed); nothing
    /// larger is read.
    /// </summary>
    public const long MaxFileBytes = 2L << 30;

    /// <summary>Training code and its golden data travel beside the package but are never loaded by the appliance.</summary>
    private const string TrainingFolder = "train";

    public static ModelPackage Load(string directory)
    {
        string full = Path.GetFullPath(directory);
        string manifestPath = Path.Combine(full, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new PackageIntegrityException($"{full}: no {ManifestFileName}; not a model package");
        }

        var info = new FileInfo(manifestPath);
        if (info.Length > ManifestParser.MaxManifestBytes)
        {
            throw new ManifestValidationException(manifestPath, [new ManifestError("$", $"manifest is {info.Length} bytes; the limit is {ManifestParser.MaxManifestBytes}")]);
        }

        ModelManifest manifest = ManifestParser.Parse(File.ReadAllBytes(manifestPath), manifestPath);
        foreach (PackageFile file in manifest.Files)
        {
            Verify(full, manifest.Id, file);
        }

        return new ModelPackage(full, manifest, FindUnlisted(full, manifest));
    }

    public static string ComputeSha256(string path)
    {
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void Verify(string root, string id, PackageFile file)
    {
        string path = Path.GetFullPath(Path.Combine(root, file.Path));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PackageIntegrityException($"model {id}: file '{file.Path}' resolves outside the package directory; refused");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            throw new PackageIntegrityException($"model {id}: file '{file.Path}' is a symbolic link; packages must hold real files");
        }

        if (!info.Exists)
        {
            throw new PackageIntegrityException($"model {id}: file '{file.Path}' listed in the manifest is missing; package refused");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new PackageIntegrityException($"model {id}: file '{file.Path}' is {info.Length} bytes, over the {MaxFileBytes}-byte limit");
        }

        string actual = ComputeSha256(path);
        if (!string.Equals(actual, file.Sha256, StringComparison.Ordinal))
        {
            throw new PackageIntegrityException(
                $"model {id}: SHA-256 mismatch for '{file.Path}': manifest says {file.Sha256}, file has {actual}; the package was altered or corrupted and is refused");
        }
    }

    private static string[] FindUnlisted(string root, ModelManifest manifest)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        listed.Add(ManifestFileName);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !listed.Contains(f) && !f.StartsWith(TrainingFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }
}
