using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync.Messages;
using Edge.Sync.Options;
using Edge.Tests.Support;

namespace Edge.Sync.Tests.Support;

/// <summary>A store and a running sync runtime against a broker, torn down in order.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public const string Secret = "0123456789abcdef0123456789abcdef-test-secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SyncHarness(TempDirectory dir, int port, Action<MqttOptions>? configure = null, string deviceId = "ct-1", string site = "clinic-a")
    {
        Store = TestStore.Open(dir.File($"edge-{deviceId}.db"));
        Mqtt = new MqttOptions
        {
            Host = "127.0.0.1",
            Port = port,
            ReconnectMinDelaySeconds = 0.2,
            ReconnectMaxDelaySeconds = 1,
            ConnectTimeoutSeconds = 5,
            PublishTimeoutSeconds = 5,
            HeartbeatSeconds = 60,
        };
        configure?.Invoke(Mqtt);
        Assert.Empty(MqttOptionsValidator.Collect(Mqtt));
        Device = new DeviceOptions { Id = deviceId, Site = site };
        Status = new DeviceStatus("9.8.7", dir.Path)
        {
            ExecutionProvider = "CPU",
            Models = [new ModelIdentity("pancreas-screen", "1.2.0", new string('a', 64))],
        };
        Runtime = new SyncRuntime(Store, Mqtt, Device, DeviceSecret.FromText(Secret, "test"), Status, Logs);
        _running = Runtime.Service.StartAsync(_stop.Token);
    }

    public EdgeStore Store { get; }

    public MqttOptions Mqtt { get; }

    public DeviceOptions Device { get; }

    public DeviceStatus Status { get; }

    public LogCapture Logs { get; } = new();

    public SyncRuntime Runtime { get; }

    private int _series;

    /// <summary>Runs one series through the store's queue and hands its result to the summary stage.</summary>
    public ResultRecord Process(Decision decision, SeriesRecord? series = null, Action<ResultRecord>? edit = null)
    {
        series ??= new SeriesRecord
        {
            SeriesInstanceUid = $"2.25.{Environment.TickCount64}.{Interlocked.Increment(ref _series)}",
            StudyInstanceUid = "2.25.4242",
            Acquisition = new AcquisitionInfo { Modality = "CT", Manufacturer = "ACME", SliceCount = 300, SliceThicknessMm = 1, KvP = 120 },
        };
        Store.CompleteSeries(series, out _);
        JobRecord job = Store.TryLeaseNextJob("test") ?? throw new InvalidOperationException("no job");
        var result = new ResultRecord
        {
            Id = Guid.NewGuid(),
            SeriesInstanceUid = series.SeriesInstanceUid,
            StudyInstanceUid = series.StudyInstanceUid,
            CreatedAt = DateTimeOffset.UtcNow,
            Decision = decision,
            ExecutionProvider = "CPU",
            Models =
            [
                new ModelResult
                {
                    Id = "pancreas-screen",
                    Version = "1.2.0",
                    Sha256 = new string('a', 64),
                    Eligible = decision != Decision.NotEligible,
                    Probability = decision == Decision.Suspicious ? 0.97 : 0.02,
                    Threshold = 0.5,
                    Decision = decision,
                    Findings = decision == Decision.Suspicious
                        ? [new Finding { Label = "lesion", Probability = 0.91, VolumeMl = 4.2, MaxDiameterMm = 21.5, Location = "head", CentroidLps = [12.5, -40.25, 101] }]
                        : [],
                    Timings = new ModelTimings { PreprocessMs = 10, InferenceMs = 800, PostprocessMs = 20, TotalMs = 830 },
                },
            ],
            Timings = new PipelineTimings { CompletionMs = 5000, QueueMs = 1, AssemblyMs = 300, InferenceMs = 830, TotalMs = 6200 },
        };
        edit?.Invoke(result);
        Runtime.Summaries.Complete(new CompletedJob(job.Id, series, result));
        return result;
    }

    public async Task WaitConnectedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Runtime.Connection.WaitConnectedAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("sync never connected; log:\n" + Logs.All);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Runtime.Service.StopAsync(CancellationToken.None);
            await _running;
        }
        finally
        {
            Runtime.Dispose();
            Store.Dispose();
            _stop.Dispose();
        }
    }
}
