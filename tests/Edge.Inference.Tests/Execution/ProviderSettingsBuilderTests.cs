using System.Text.Json.Nodes;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Tests.Packages;

namespace Edge.Inference.Tests.Execution;

public sealed class ProviderSettingsBuilderTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void TensorRT_gets_fp16_caches_workspace_and_one_fixed_profile_equal_to_the_patch()
    {
        NetworkSpec network = ManifestParserTests.Parse(SampleManifest.Node()).Network;
        var options = new InferenceOptions { DeviceId = 1, TensorRt = new TensorRtOptions { CacheDirectory = "/var/cache/edge/trt", WorkspaceBytes = 512L << 20 } };

        ExecutionProviderSettings settings = ProviderSettingsBuilder.Build(options, network, Sha, new FixedGpuEnvironment("1.31.0", "10.3.0", "NVIDIA Jetson AGX Orin"));

        IReadOnlyDictionary<string, string> trt = settings.TensorRt;
        Assert.Equal("1", trt["trt_fp16_enable"]);
        Assert.Equal("1", trt["device_id"]);
        Assert.Equal((512L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture), trt["trt_max_workspace_size"]);
        Assert.Equal("1", trt["trt_engine_cache_enable"]);
        Assert.Equal("1", trt["trt_timing_cache_enable"]);
        string expectedDirectory = "/var/cache/edge/trt/0123456789abcdef_ort-1.31.0_trt-10.3.0_NVIDIA-Jetson-AGX-Orin";
        Assert.Equal(expectedDirectory, trt["trt_engine_cache_path"]);
        Assert.Equal(expectedDirectory, trt["trt_timing_cache_path"]);
        Assert.Equal("image:2x1x8x8x8", trt["trt_profile_min_shapes"]);
        Assert.Equal(trt["trt_profile_min_shapes"], trt["trt_profile_opt_shapes"]);
        Assert.Equal(trt["trt_profile_min_shapes"], trt["trt_profile_max_shapes"]);
        Assert.Equal("1", settings.Cuda["device_id"]);
        Assert.False(settings.Cuda.ContainsKey("gpu_mem_limit"));
    }

    [Fact]
    public void Engine_cache_key_changes_with_model_runtime_tensorrt_and_gpu()
    {
        var baseline = new FixedGpuEnvironment("1.31.0", "10.3.0", "Orin");
        string key = EngineCacheKey.Compute(Sha, baseline);

        Assert.NotEqual(key, EngineCacheKey.Compute("f" + Sha[1..], baseline));
        Assert.NotEqual(key, EngineCacheKey.Compute(Sha, baseline with { Ort = "1.32.0" }));
        Assert.NotEqual(key, EngineCacheKey.Compute(Sha, baseline with { Trt = "10.4.0" }));
        Assert.NotEqual(key, EngineCacheKey.Compute(Sha, baseline with { Gpu = "Xavier" }));
        Assert.DoesNotContain('/', EngineCacheKey.Compute(Sha, baseline with { Gpu = "../../etc" }));
    }

    [Fact]
    public void TensorRT_library_versions_decode_both_encodings()
    {
        Assert.Equal("10.3.0", SystemGpuEnvironment.DecodeVersion(100300));
        Assert.Equal("8.6.1", SystemGpuEnvironment.DecodeVersion(8601));
    }

    [Fact]
    public void The_host_environment_is_readable_without_a_gpu()
    {
        var environment = new SystemGpuEnvironment();
        Assert.Matches(@"^\d+\.\d+\.\d+", environment.OnnxRuntimeVersion);
        Assert.False(string.IsNullOrEmpty(environment.GpuName));
        Assert.False(string.IsNullOrEmpty(environment.TensorRtVersion));
    }

    private sealed record FixedGpuEnvironment(string Ort, string Trt, string Gpu) : IGpuEnvironment
    {
        public string OnnxRuntimeVersion => Ort;
        public string TensorRtVersion => Trt;
        public string GpuName => Gpu;
    }
}
