using Edge.Inference.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.Inference.Tests.Execution;

public sealed class InferenceRegistrationTests
{
    [Fact]
    public void Section_Inference_is_bound_and_every_bad_key_is_reported()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:ExecutionProviders:0"] = "Vulkan",
            ["Inference:ExecutionProviders:1"] = "CPU",
            ["Inference:TensorRt:WorkspaceBytes"] = "5",
        }).Build();
        using ServiceProvider provider = new ServiceCollection().AddEdgeInference(configuration).BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Inference:ExecutionProviders:0", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Inference:TensorRt:WorkspaceBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_section_yields_the_chain_and_session_cache()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:ExecutionProviders:0"] = "CUDA",
            ["Inference:ExecutionProviders:1"] = "CPU",
            ["Inference:IntraOpThreads"] = "2",
        }).Build();
        using ServiceProvider provider = new ServiceCollection().AddEdgeInference(configuration).BuildServiceProvider();

        ExecutionProviderChain chain = provider.GetRequiredService<ExecutionProviderChain>();

        Assert.Equal([ExecutionProviderKind.Cuda, ExecutionProviderKind.Cpu], chain.Order);
        Assert.Equal(2, provider.GetRequiredService<IOptions<InferenceOptions>>().Value.IntraOpThreads);
        Assert.NotNull(provider.GetRequiredService<ModelSessionCache>());
    }
}
