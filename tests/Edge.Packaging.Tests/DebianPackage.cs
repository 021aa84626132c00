using System.Runtime.InteropServices;

namespace Edge.Packaging.Tests;

/// <summary>
/// The .deb under test, built once per test run by packaging/build-deb.sh for this machine's architecture (the same
/// script `./build.sh package` runs), or the file named by $EDGE_DEB (a package built earlier, e.g. by CI's package step).
/// </summary>
public sealed class DebianPackage
{
    /// <summary>A self-contained Release publish of two apps takes 2-4 minutes on two cores; 20 is a hang.</summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _built;

    public static string Root
    {
        get
        {
            string? root = typeof(DebianPackage).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            Assert.True(root is not null && File.Exists(Path.Combine(root, "Edge.sln")), $"the checkout recorded at build time ({root}) has no Edge.sln");
            return root;
        }
    }

    public static string Architecture => RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";

    public static async Task<string> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_built is not null)
            {
                return _built;
            }

            if (Environment.GetEnvironmentVariable("EDGE_DEB") is { Length: > 0 } given)
            {
                Assert.True(File.Exists(given), $"EDGE_DEB names {given}, which does not exist");
                return _built = given;
            }

            Tools.Require("dpkg-deb");
            ProcessResult build = await ExternalTools.RunAsync("bash", [Path.Combine(Root, "packaging", "build-deb.sh"), Architecture], BuildTimeout, Root);
            build.AssertSuccess("packaging/build-deb.sh");
            string deb = build.Output.Trim().Split('\n')[^1].Trim();
            Assert.True(File.Exists(deb), $"build-deb.sh reported {deb}, which does not exist");
            Assert.Matches($"/artifacts/edge_[0-9.]+_{Architecture}\\.deb$", deb);
            return _built = deb;
        }
        finally
        {
            Gate.Release();
        }
    }
}
