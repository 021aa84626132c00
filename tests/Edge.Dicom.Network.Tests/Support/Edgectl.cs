namespace Edge.Dicom.Network.Tests.Support;

/// <summary>
/// Finds the built CLI for tests that run <c>edgectl</c> as a child process: $EDGE_EDGECTL (a path to edgectl.dll), else
/// artifacts/bin/edgectl.dll of this checkout, which <c>./build.sh build</c> (and so <c>./build.sh test</c> and CI) puts there.
/// </summary>
internal static class Edgectl
{
    public static string Dll
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("EDGE_EDGECTL");
            if (!string.IsNullOrEmpty(configured))
            {
                Assert.True(File.Exists(configured), $"EDGE_EDGECTL points to {configured}, which does not exist");
                return configured;
            }

            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                {
                    string dll = Path.Combine(dir.FullName, "artifacts", "bin", "edgectl.dll");
                    Assert.True(File.Exists(dll), $"{dll} is missing: run ./build.sh build first, or set EDGE_EDGECTL to a built edgectl.dll");
                    return dll;
                }
            }

            Assert.Fail("Cannot find the repository root (Edge.sln) above the test assembly; set EDGE_EDGECTL to a built edgectl.dll");
            return string.Empty;
        }
    }

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ExternalTools.RunAsync("dotnet", [Dll, .. arguments], TimeSpan.FromMinutes(2));

    public static ChildProcess Start(params string[] arguments) => ChildProcess.Start(ExternalTools.Require("dotnet"), [Dll, .. arguments]);
}
