namespace Edge.Service.Tests.Support;

/// <summary>Runs a program with exactly the given environment, through <c>env -i</c>, with the shared process runner.</summary>
internal static class Processes
{
    public static Task<ProcessResult> RunAsync(string program, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments, TimeSpan timeout) =>
        ExternalTools.RunAsync("env", ["-i", .. environment.Select(e => $"{e.Key}={e.Value}"), program, .. arguments], timeout);
}
