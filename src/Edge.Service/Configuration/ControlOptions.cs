namespace Edge.Service.Configuration;

/// <summary>Section <c>Control</c>: the local control API (HTTP over a Unix domain socket) that <c>edgectl</c> talks to.</summary>
public sealed class ControlOptions
{
    public const string SectionName = "Control";

    /// <summary>
    /// The socket path. Unset: <c>/run/edge/edge.sock</c> when <c>/run/edge</c> is writable (systemd's RuntimeDirectory),
    /// otherwise <c>{Storage:Root}/edge.sock</c> (a dev checkout).
    /// </summary>
    public string? Socket { get; set; }
}
