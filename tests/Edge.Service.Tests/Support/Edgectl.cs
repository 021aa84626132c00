namespace Edge.Service.Tests.Support;

/// <summary>The built <c>edgectl</c> (copied beside the tests by the project reference) as a child process.</summary>
internal static class Edgectl
{
    public static Task<Tool.Result> RunAsync(IDictionary<string, string>? environment, params string[] arguments)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "edgectl");
        Assert.True(File.Exists(path), $"{path} is missing: build tests/Edge.Service.Tests (it copies edgectl beside itself)");
        return Tool.RunAsync(path, arguments, TimeSpan.FromMinutes(1), environment);
    }
}
