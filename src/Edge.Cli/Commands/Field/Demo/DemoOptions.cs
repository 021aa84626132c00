namespace Edge.Cli.Commands.Field.Demo;

/// <summary>What <c>edgectl demo</c> was asked for.</summary>
internal sealed record DemoOptions
{
    /// <summary>
    /// 256² × 96 slices of 2 mm: a 19 cm abdomen that looks like a CT, and two series screened on two CPU cores within the
    /// 5-minute promise with room to spare (a full 512² × 300 series is the benchmark's job).
    /// </summary>
    public int Size { get; init; } = 256;

    public int Slices { get; init; } = 96;

    /// <summary>Where the key image, the summaries, the service's log and its configuration are left.</summary>
    public string OutputDirectory { get; init; } = "edge-demo";

    /// <summary>Keep the working directory (received images, database) instead of deleting it.</summary>
    public bool Keep { get; init; }

    public string? ServiceBinary { get; init; }

    /// <summary>Model packages; null: the usual search (EDGE_MODELS_DIR, the checkout's firmware-config/models, /usr/lib/edge/models).</summary>
    public string? ModelsDirectory { get; init; }

    /// <summary>The demo's promise: done within 5 minutes on two cores.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}
