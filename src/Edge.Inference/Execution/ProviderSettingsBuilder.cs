using System.Globalization;
using Edge.Inference.Packages;

namespace Edge.Inference.Execution;

/// <summary>Turns <see cref="InferenceOptions"/> and a network into ONNX Runtime TensorRT/CUDA provider options.</summary>
public static class ProviderSettingsBuilder
{
    public static ExecutionProviderSettings Build(InferenceOptions options, NetworkSpec network, string modelSha256, IGpuEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(network);
        string cacheDirectory = Path.Combine(options.TensorRt.CacheDirectory, EngineCacheKey.Compute(modelSha256, environment));

        // min = opt = max: one fixed shape (batch × channels × patch), so TensorRT builds exactly one engine, once, and
        // the sliding window (which always sends full batches of full patches) never triggers a rebuild.
        string shape = network.Input.Name + ":" + string.Join('x', network.Input.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string device = options.DeviceId.ToString(CultureInfo.InvariantCulture);
        var tensorRt = new Dictionary<string, string>
        {
            ["device_id"] = device,
            ["trt_fp16_enable"] = options.TensorRt.Fp16 ? "1" : "0",
            ["trt_max_workspace_size"] = options.TensorRt.WorkspaceBytes.ToString(CultureInfo.InvariantCulture),
            ["trt_builder_optimization_level"] = options.TensorRt.BuilderOptimizationLevel.ToString(CultureInfo.InvariantCulture),
            ["trt_engine_cache_enable"] = "1",
            ["trt_engine_cache_path"] = cacheDirectory,
            ["trt_timing_cache_enable"] = "1",
            ["trt_timing_cache_path"] = cacheDirectory,
            ["trt_profile_min_shapes"] = shape,
            ["trt_profile_opt_shapes"] = shape,
            ["trt_profile_max_shapes"] = shape,
        };
        var cuda = new Dictionary<string, string>
        {
            ["device_id"] = device,

            // Exhaustive cuDNN search is run once per session and pays off over a few hundred patches per scan.
            ["cudnn_conv_algo_search"] = "EXHAUSTIVE",
        };
        if (options.CudaMemoryLimitBytes > 0)
        {
            cuda["gpu_mem_limit"] = options.CudaMemoryLimitBytes.ToString(CultureInfo.InvariantCulture);
        }

        return new ExecutionProviderSettings(options.DeviceId, tensorRt, cuda);
    }
}
