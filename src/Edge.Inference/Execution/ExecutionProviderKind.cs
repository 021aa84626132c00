namespace Edge.Inference.Execution;

/// <summary>The ONNX Runtime execution providers Edge knows, in the order the default chain tries them.</summary>
public enum ExecutionProviderKind
{
    TensorRt,
    Cuda,
    Cpu,
}
