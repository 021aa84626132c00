using System.Net;
using MQTTnet.Server;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>
/// An MQTT 5 broker inside edgectl (MQTTnet.Server) on a loopback port, so the demo runs where nothing but the .NET SDK
/// is installed. It stands in for the central site's broker; it has no TLS and no ACL, which a real one must have
/// (firmware-config/broker).
/// </summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EmbeddedBroker> StartAsync(CancellationToken cancellationToken)
    {
        int port = FreePort.Next();
        var factory = new MqttServerFactory();
        MqttServerOptions options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        MqttServer server = factory.CreateMqttServer(options);
        await server.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }
}
