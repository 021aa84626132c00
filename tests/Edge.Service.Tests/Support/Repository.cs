namespace Edge.Service.Tests.Support;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The checkout this test assembly was built from (recorded at build time: the output may live elsewhere).</summary>
    public static string Root
    {
        get
        {
            string? root = typeof(Repository).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            Assert.True(root is not null && File.Exists(Path.Combine(root, "Edge.sln")), $"the repository root recorded at build time ({root}) has no Edge.sln");
            return Path.GetFullPath(root);
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
