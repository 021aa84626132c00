using Edge.Inference.Packages;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// Where device profiles are: beside the model packages, in <c>firmware-config/profiles</c> of a development checkout
/// or <c>/usr/lib/edge/profiles</c> where the .deb installs them (the same search as the models', see
/// <see cref="ModelDirectoryResolver"/>), or <c>EDGE_PROFILES_DIR</c>.
/// </summary>
internal static class DeviceProfileCatalog
{
    public const string EnvironmentVariable = "EDGE_PROFILES_DIR";

    public static string Directory()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        // The models' own search, without EDGE_MODELS_DIR (which may point anywhere): checkout first, then installed.
        ModelDirectory models = ModelDirectoryResolver.Resolve(null, null, [AppContext.BaseDirectory, Environment.CurrentDirectory]);
        return Path.Combine(Path.GetDirectoryName(models.Path)!, "profiles");
    }

    public static IReadOnlyList<string> Names(string? directory = null)
    {
        directory ??= Directory();
        return System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.GetFiles(directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>A profile by name (<c>jetson-orin-nano</c>) or by the path of a .json file.</summary>
    public static DeviceProfile Find(string nameOrPath, string? directory = null)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath)
                ? DeviceProfile.Load(Path.GetFullPath(nameOrPath))
                : throw new FileNotFoundException($"no profile file {nameOrPath}");
        }

        directory ??= Directory();
        string path = Path.Combine(directory, nameOrPath + ".json");
        if (!File.Exists(path))
        {
            IReadOnlyList<string> names = Names(directory);
            throw new FileNotFoundException(
                $"no device profile '{nameOrPath}' in {directory} (available: {(names.Count == 0 ? "none" : string.Join(", ", names))})");
        }

        return DeviceProfile.Load(path);
    }
}
