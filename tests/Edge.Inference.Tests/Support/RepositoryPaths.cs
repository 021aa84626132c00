using System.Runtime.CompilerServices;

namespace Edge.Inference.Tests.Support;

/// <summary>Paths into the source tree, found from this file's compile-time location (tests build in the checkout).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModelsRoot => Path.Combine(Root, "firmware-config", "models");

    public static string ReferencePackage => Path.Combine(ModelsRoot, "pancreas-ref");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        for (DirectoryInfo? dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Edge.sln above {sourceFile}");
    }
}
