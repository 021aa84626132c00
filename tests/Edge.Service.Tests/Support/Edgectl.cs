namespace Edge.Service.Tests.Support;

/// <summary>The built <c>edgectl</c> (copied beside the tests by the project reference) as a child process.</summary>
internal static class Edgectl
{
    /// <param name="environment">Extra variables on top of a clean environment (no EDGE_ settings of the machine).</param>
    public static Task<ProcessResult> RunAsync(IDictionary<string, string>? environment, params string[] arguments)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "edgectl");
        Assert.True(File.Exists(path), $"{path} is missing: build tests/Edge.Service.Tests (it copies edgectl beside itself)");
        Dictionary<string, string> env = EdgeService.CleanEnvironment();
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return Processes.RunAsync(path, env, arguments, TimeSpan.FromMinutes(1));
    }
}
