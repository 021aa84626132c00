namespace Edge.Inference.Packages;

/// <summary>
/// Where model packages are looked for, first match wins:
/// 1. an explicit directory (<c>--models DIR</c>, or <c>Inference:ModelsDirectory</c> in the service);
/// 2. the <c>EDGE_MODELS_DIR</c> environment variable;
/// 3. in a development checkout, <c>firmware-config/models</c> of the repository holding the running binary or the
///    current directory (the repository is recognised by its <c>Edge.sln</c>);
/// 4. the installed location <c>/usr/lib/edge/models</c> (where the .deb puts them).
/// </summary>
public static class ModelDirectoryResolver
{
    public const string EnvironmentVariable = "EDGE_MODELS_DIR";
    public const string InstalledDirectory = "/usr/lib/edge/models";

    public static ModelDirectory Resolve(string? explicitDirectory)
        => Resolve(explicitDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable), [AppContext.BaseDirectory, Environment.CurrentDirectory]);

    public static ModelDirectory Resolve(string? explicitDirectory, string? environmentValue, IEnumerable<string> searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return new ModelDirectory(Path.GetFullPath(explicitDirectory), "--models option");
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return new ModelDirectory(Path.GetFullPath(environmentValue), EnvironmentVariable);
        }

        foreach (string start in searchFrom)
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "firmware-config", "models");
                if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")) && Directory.Exists(candidate))
                {
                    return new ModelDirectory(candidate, "development checkout");
                }
            }
        }

        return new ModelDirectory(InstalledDirectory, "installed default");
    }
}
