using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Server;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>A storage SCP on a free loopback port with its own storage root, stopped on dispose.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDirectory _root;

    private RunningServer(DicomServer server, DicomServerOptions options, RecordingEvents events, TempDirectory root)
    {
        Server = server;
        Options = options;
        Events = events;
        _root = root;
    }

    public DicomServer Server { get; }

    public DicomServerOptions Options { get; }

    public RecordingEvents Events { get; }

    public int Port => Server.LocalEndPoint!.Port;

    public string Root => Options.StorageRoot;

    public static async Task<RunningServer> StartAsync(Action<DicomServerOptions>? configure = null, Func<string, long>? freeSpace = null)
    {
        var root = new TempDirectory("edge-scp");
        var options = new DicomServerOptions
        {
            AeTitle = "EDGE",
            Port = 0,
            BindAddress = "127.0.0.1",
            StorageRoot = root.Path,
            MinimumFreeDiskBytes = 0,
            ArtimTimeout = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        var events = new RecordingEvents();
        var server = new DicomServer(options, events) { FreeSpaceProbe = freeSpace };
        await server.StartAsync(CancellationToken.None);
        return new RunningServer(server, options, events, root);
    }

    public DicomPeer Peer(string calledAe = "EDGE") => new("127.0.0.1", Port, calledAe);

    public string[] StoredFiles() => [.. Directory.EnumerateFiles(Root, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _root.Dispose();
    }
}
