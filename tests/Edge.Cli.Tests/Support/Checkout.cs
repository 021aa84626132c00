namespace Edge.Cli.Tests.Support;

/// <summary>Paths in the checkout these tests were built from (recorded at build time: the output may live elsewhere).</summary>
internal static class Checkout
{
    public static string Root
    {
        get
        {
            string? root = typeof(Checkout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            Assert.True(root is not null && File.Exists(Path.Combine(root, "Edge.sln")), $"the checkout recorded at build time ({root}) has no Edge.sln");
            return root;
        }
    }

    public static string FirmwareConfig => Path.Combine(Root, "firmware-config");

    public static string Profiles => Path.Combine(FirmwareConfig, "profiles");
}
