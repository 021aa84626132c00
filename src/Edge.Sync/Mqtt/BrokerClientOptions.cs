using Edge.Sync.Options;
using MQTTnet;

namespace Edge.Sync.Mqtt;

/// <summary>
/// How any Edge client reaches the configured broker: endpoint, MQTT 5, keep-alive and timeout, credentials from
/// files, TLS with the private CA and client certificate. The device's connection adds its session and last will;
/// <c>edgectl selftest</c> uses it as is, so it tests exactly what the service will use.
/// </summary>
public static class BrokerClientOptions
{
    public static MqttClientOptionsBuilder Create(MqttOptions options, string clientId) =>
        Create(options, clientId, options?.Tls.Enabled == true ? BrokerTls.Load(options) : null);

    internal static MqttClientOptionsBuilder Create(MqttOptions options, string clientId, BrokerTls? tls)
    {
        ArgumentNullException.ThrowIfNull(options);
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.EffectivePort)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(options.PublishTimeoutSeconds));
        if (options.UsernameFile is not null)
        {
            builder = builder.WithCredentials(new CredentialFiles(options.UsernameFile, options.PasswordFile));
        }

        if (tls is not null)
        {
            builder = builder.WithTlsOptions(tls.ToMqttTlsOptions());
        }

        return builder;
    }
}
