namespace Edge.Inference.Execution;

/// <summary>Names of providers as configuration spells them and as ONNX Runtime reports them.</summary>
public static class ExecutionProviderNames
{
    public static string Display(ExecutionProviderKind kind) => kind switch
    {
        ExecutionProviderKind.TensorRt => "TensorRT",
        ExecutionProviderKind.Cuda => "CUDA",
        _ => "CPU",
    };

    /// <summary>The name in <c>OrtEnv.GetAvailableProviders()</c>.</summary>
    public static string OrtName(ExecutionProviderKind kind) => kind switch
    {
        ExecutionProviderKind.TensorRt => "TensorrtExecutionProvider",
        ExecutionProviderKind.Cuda => "CUDAExecutionProvider",
        _ => "CPUExecutionProvider",
    };

    public static bool TryParse(string? text, out ExecutionProviderKind kind)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TENSORRT" or "TRT":
                kind = ExecutionProviderKind.TensorRt;
                return true;
            case "CUDA":
                kind = ExecutionProviderKind.Cuda;
                return true;
            case "CPU":
                kind = ExecutionProviderKind.Cpu;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static bool IsGpu(ExecutionProviderKind kind) => kind is ExecutionProviderKind.TensorRt or ExecutionProviderKind.Cuda;
}
