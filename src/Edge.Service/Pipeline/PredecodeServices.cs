using Microsoft.Extensions.DependencyInjection;

namespace Edge.Service.Pipeline;

/// <summary>Registers pre-decoding: the cache, the stage as a hosted service, and the stage as an SCP instance listener.</summary>
public static class PredecodeServices
{
    public static IServiceCollection AddPredecoding(this IServiceCollection services)
    {
        services.AddSingleton<DecodedSeriesCache>();
        services.AddSingleton<PredecodeStage>();
        services.AddSingleton<IInstanceListener>(sp => sp.GetRequiredService<PredecodeStage>());
        services.AddHostedService(sp => sp.GetRequiredService<PredecodeStage>());
        return services;
    }
}
