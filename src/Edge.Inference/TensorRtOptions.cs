namespace Edge.Inference;

/// <summary>TensorRT execution-provider settings (section <c>Inference:TensorRt</c>).</summary>
public sealed class TensorRtOptions
{
    /// <summary>Half-precision engines: about twice the throughput on Ampere/Orin tensor cores for segmentation nets.</summary>
    public bool Fp16 { get; set; } = true;

    /// <summary>Root of the engine and timing caches; each model/runtime/GPU combination gets its own sub-directory.</summary>
    public string CacheDirectory { get; set; } = "/var/cache/edge/tensorrt";

    /// <summary>
    /// Builder workspace limit. TensorRT 10 otherwise may use all device memory; a Jetson shares that memory with the
    /// CPU side of the service, so 1 GiB is the explicit default.
    /// </summary>
    public long WorkspaceBytes { get; set; } = 1L << 30;

    /// <summary>TensorRT builder optimisation level 0-5; 3 is TensorRT's own default.</summary>
    public int BuilderOptimizationLevel { get; set; } = 3;
}
