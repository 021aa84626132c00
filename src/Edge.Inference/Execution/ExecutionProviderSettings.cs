namespace Edge.Inference.Execution;

/// <summary>Provider options for one network, as ONNX Runtime's string key/value provider options.</summary>
public sealed record ExecutionProviderSettings(
    int DeviceId,
    IReadOnlyDictionary<string, string> TensorRt,
    IReadOnlyDictionary<string, string> Cuda)
{
    public static ExecutionProviderSettings CpuOnly { get; } = new(0, new Dictionary<string, string>(), new Dictionary<string, string>());
}
