using Edge.Store;
using Edge.Sync.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Sync;

/// <summary>Registers the store and MQTT sync in a generic host, with options validated at start.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The one <see cref="EdgeStore"/> of the process (section <c>Store</c>), validated at start.</summary>
    public static IServiceCollection AddEdgeStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EdgeStore(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<ILogger<EdgeStore>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// MQTT sync (sections <c>Mqtt</c> and <c>Device</c>), validated at start: a <see cref="SyncRuntime"/>
    /// singleton, its <see cref="SummaryStage"/> (write finished jobs to its Writer) and the hosted
    /// <see cref="SyncService"/>. Needs <see cref="AddEdgeStore"/> and an <see cref="IDeviceStatusProvider"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="secretFallbackPath">Where the generated HMAC secret lives when Device:HmacSecretFile is not set.</param>
    public static IServiceCollection AddEdgeSync(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> secretFallbackPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MqttOptions>().Bind(configuration.GetSection(MqttOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DeviceOptions>().Bind(configuration.GetSection(DeviceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        services.AddSingleton<IValidateOptions<DeviceOptions>, DeviceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            DeviceOptions device = sp.GetRequiredService<IOptions<DeviceOptions>>().Value;
            return new SyncRuntime(
                sp.GetRequiredService<EdgeStore>(),
                sp.GetRequiredService<IOptions<MqttOptions>>().Value,
                device,
                DeviceSecret.Load(device, secretFallbackPath(sp)),
                sp.GetRequiredService<IDeviceStatusProvider>(),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<SyncRuntime>().Summaries);
        services.AddSingleton(sp => sp.GetRequiredService<SyncRuntime>().Health);
        services.AddHostedService<SyncHostedService>();
        return services;
    }
}
