namespace Edge.Inference.Packages;

/// <summary>Discovers the packages under a models root: every sub-directory holding a manifest.json.</summary>
public static class ModelCatalog
{
    /// <summary>Loads every package; a bad package is reported in its entry and never stops the others from loading.</summary>
    public static IReadOnlyList<ModelCatalogEntry> Discover(string modelsRoot)
    {
        if (!Directory.Exists(modelsRoot))
        {
            throw new DirectoryNotFoundException($"models directory '{modelsRoot}' does not exist");
        }

        var entries = new List<ModelCatalogEntry>();
        foreach (string directory in Directory.EnumerateDirectories(modelsRoot).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(directory, ModelPackageLoader.ManifestFileName)))
            {
                continue;
            }

            try
            {
                entries.Add(new ModelCatalogEntry(directory, ModelPackageLoader.Load(directory), null));
            }
            catch (Exception ex) when (ex is ManifestValidationException or PackageIntegrityException or IOException or UnauthorizedAccessException)
            {
                entries.Add(new ModelCatalogEntry(directory, null, ex.Message));
            }
        }

        return entries;
    }
}
