using Edge.Inference.Execution;

namespace Edge.Inference.Tests.Execution;

public sealed class InferenceOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_and_chain_TensorRT_CUDA_CPU()
    {
        var options = new InferenceOptions();
        Assert.True(new InferenceOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal([ExecutionProviderKind.TensorRt, ExecutionProviderKind.Cuda, ExecutionProviderKind.Cpu], options.ProviderChain());
    }

    [Fact]
    public void Names_every_bad_key_at_once()
    {
        var options = new InferenceOptions
        {
            ExecutionProviders = ["CUDA", "OpenVINO", "cuda"],
            DeviceId = -1,
            IntraOpThreads = 1000,
            CudaMemoryLimitBytes = -5,
            ActiveModels = ["pancreas-ref", " "],
            TensorRt = new TensorRtOptions { CacheDirectory = "relative/cache", WorkspaceBytes = 1024, BuilderOptimizationLevel = 9 },
        };

        string[] errors = [.. InferenceOptionsValidator.Errors(options)];

        Assert.Equal(
            [
                "Inference:ExecutionProviders:1", "Inference:ExecutionProviders:2", "Inference:DeviceId", "Inference:IntraOpThreads",
                "Inference:CudaMemoryLimitBytes", "Inference:ActiveModels:1", "Inference:TensorRt:CacheDirectory",
                "Inference:TensorRt:WorkspaceBytes", "Inference:TensorRt:BuilderOptimizationLevel",
            ],
            errors.Select(e => e.Split(' ')[0]));
        Assert.False(new InferenceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void RequireGpu_with_a_cpu_only_chain_is_a_configuration_error()
    {
        var options = new InferenceOptions { RequireGpu = true, ExecutionProviders = ["CPU"] };
        Assert.Contains(InferenceOptionsValidator.Errors(options), e => e.StartsWith("Inference:RequireGpu", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_names_are_case_insensitive_and_ordered_as_configured()
    {
        var options = new InferenceOptions { ExecutionProviders = ["cpu", "TensorRT"] };
        Assert.Empty(InferenceOptionsValidator.Errors(options));
        Assert.Equal([ExecutionProviderKind.Cpu, ExecutionProviderKind.TensorRt], options.ProviderChain());
    }
}
