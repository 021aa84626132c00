namespace Edge.Inference.Execution;

/// <summary>Facts about the runtime that key the TensorRT caches: an engine built for one of them is invalid for another.</summary>
public interface IGpuEnvironment
{
    string OnnxRuntimeVersion { get; }

    /// <summary>e.g. "10.3.0", or "none" when libnvinfer is absent.</summary>
    string TensorRtVersion { get; }

    /// <summary>e.g. "NVIDIA Jetson AGX Orin", or "none" when no NVIDIA GPU is visible.</summary>
    string GpuName { get; }
}
