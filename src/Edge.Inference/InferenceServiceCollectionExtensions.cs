using Edge.Inference.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Inference;

/// <summary>Registers the inference layer for a host: options bound from section "Inference" and validated at start.</summary>
public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        services.TryAddSingleton<IExecutionProviderAppender>(OrtExecutionProviderAppender.Instance);
        services.TryAddSingleton<IGpuEnvironment, SystemGpuEnvironment>();
        services.TryAddSingleton(provider => ExecutionProviderChain.FromOptions(
            provider.GetRequiredService<IOptions<InferenceOptions>>().Value,
            provider.GetRequiredService<IExecutionProviderAppender>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger("Edge.Inference")));
        services.TryAddSingleton(provider => new ModelSessionCache(
            provider.GetRequiredService<IOptions<InferenceOptions>>().Value,
            provider.GetRequiredService<ExecutionProviderChain>(),
            provider.GetRequiredService<IGpuEnvironment>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger("Edge.Inference")));
        return services;
    }
}
