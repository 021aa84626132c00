namespace Edge.Service.Tests.Support;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                {
                    return dir.FullName;
                }
            }

            // Built with --artifacts-path outside the checkout: the working directory of `dotnet test` is inside it.
            for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                {
                    return dir.FullName;
                }
            }

            Assert.Fail("cannot find the repository root (Edge.sln) above the test assembly or the working directory");
            return string.Empty;
        }
    }

    /// <summary>The reference model package; the tests screen with it, so it must be built and committed.</summary>
    public static string Models
    {
        get
        {
            string models = Path.Combine(Root, "firmware-config", "models");
            Assert.True(File.Exists(Path.Combine(models, "pancreas-ref", "manifest.json")),
                $"the reference model package is missing from {models}/pancreas-ref (build it with firmware-config/models/pancreas-ref/train/train.sh)");
            return models;
        }
    }
}
