namespace Edge.Inference.Packages;

/// <summary>The network's input tensor: name, shape [batch, channels, z, y, x], element type and channel meanings.</summary>
public sealed record NetworkInputSpec
{
    public required string Name { get; init; }
    public required int[] Shape { get; init; }
    public required string DType { get; init; }
    public required string[] Channels { get; init; }
}
