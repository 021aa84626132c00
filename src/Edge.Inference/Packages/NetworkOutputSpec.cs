namespace Edge.Inference.Packages;

/// <summary>The network's output tensor [batch, channels, z, y, x] of raw logits and the activation that turns them into probabilities.</summary>
public sealed record NetworkOutputSpec
{
    public required string Name { get; init; }
    public required int Channels { get; init; }
    public required Activation Activation { get; init; }
}
