namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>What <c>edgectl selftest</c> checks against.</summary>
internal sealed record SelftestRequest
{
    /// <summary>The site file; null: the one edge-service reads (<c>$EDGE_CONFIG</c> or /etc/edge/edge.json).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The control socket; null: as <c>edgectl status</c> finds it.</summary>
    public string? Socket { get; init; }

    /// <summary>Calling AE for the C-ECHO to this box, when its allow-list does not admit edgectl's own (EDGECTL).</summary>
    public string CallingAeTitle { get; init; } = "EDGECTL";

    /// <summary>Seconds for each network check (connect, associate, round trip).</summary>
    public int TimeoutSeconds { get; init; } = 10;
}
