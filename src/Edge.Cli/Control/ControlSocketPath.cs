using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Control;

/// <summary>
/// Which control socket edgectl talks to: <c>--socket PATH</c>; else <c>Control:Socket</c> from the same sources the
/// service reads (<c>EDGE_Control__Socket</c>, <c>/etc/edge/edge.json</c> or <c>$EDGE_CONFIG</c>); else the installed
/// <c>/run/edge/edge.sock</c> if it exists; else <c>{Storage:Root}/edge.sock</c> (a dev checkout's <c>./data</c>).
/// </summary>
internal static class ControlSocketPath
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = EdgeConfiguration.Build([]);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // An unreadable site file must not stop edgectl from finding a running service.
            return ControlSocketLocator.ForClient(Path.GetFullPath("data"));
        }

        if (configuration[$"{ControlOptions.SectionName}:{nameof(ControlOptions.Socket)}"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        string root = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Root)}"] is { Length: > 0 } r ? r : "data";
        return ControlSocketLocator.ForClient(Path.GetFullPath(root));
    }
}
