namespace Edge.Service.Configuration;

/// <summary>Where the control socket is when <c>Control:Socket</c> is not configured.</summary>
public static class ControlSocketLocator
{
    /// <summary>systemd creates it (RuntimeDirectory=edge) owned by the service user, mode 0750.</summary>
    public const string RuntimeDirectory = "/run/edge";

    public const string SocketName = "edge.sock";

    public static string Installed => Path.Combine(RuntimeDirectory, SocketName);

    /// <summary>
    /// The service: in systemd's <c>$RUNTIME_DIRECTORY</c> (RuntimeDirectory=edge), else <c>/run/edge/edge.sock</c> when
    /// it may create it there, else beside its data (a dev checkout).
    /// </summary>
    public static string ForService(string dataRoot)
    {
        if (Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY") is { Length: > 0 } runtime)
        {
            return Path.Combine(runtime.Split(':')[0], SocketName);
        }

        return IsWritableDirectory(RuntimeDirectory) ? Installed : Path.Combine(dataRoot, SocketName);
    }

    /// <summary>A client: the installed socket if it exists, else the one beside the data (a dev checkout).</summary>
    public static string ForClient(string dataRoot) =>
        File.Exists(Installed) ? Installed : Path.Combine(dataRoot, SocketName);

    private static bool IsWritableDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return false;
        }

        string probe = Path.Combine(path, $".probe-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
