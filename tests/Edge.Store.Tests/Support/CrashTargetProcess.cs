using System.Diagnostics;

namespace Edge.Tests.Support;

/// <summary>Starts tests/Edge.Store.CrashTarget as a child process.</summary>
internal static class CrashTargetProcess
{
    public static ChildProcess Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Edge.Store.CrashTarget.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The crash target was not built next to the tests.", dll);
        }

        var info = new ProcessStartInfo(DotnetHost());
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        return new ChildProcess(info);
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
