namespace Edge.Inference.Packages;

/// <summary>One ONNX network of a package with everything needed to feed it and read it.</summary>
public sealed record NetworkSpec
{
    /// <summary>Path of the ONNX file relative to the package directory.</summary>
    public required string File { get; init; }

    public required NetworkInputSpec Input { get; init; }
    public required NetworkOutputSpec Output { get; init; }
    public required PreprocessingSpec Preprocessing { get; init; }
    public required SlidingWindowSpec SlidingWindow { get; init; }
}
