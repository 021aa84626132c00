using Edge.Store;
using Edge.Sync.Tests.Support;
using Edge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Sync.Tests;

/// <summary>The host registration: options bound and validated at start, every bad key reported at once.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly TempDirectory _dir = new("sync-hosting");

    public void Dispose() => _dir.Dispose();

    private IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IDeviceStatusProvider>(new DeviceStatus("1.0.0", _dir.Path));
        builder.Services.AddEdgeStore(builder.Configuration);
        builder.Services.AddEdgeSync(builder.Configuration, _ => _dir.File("device-secret"));
        return builder.Build();
    }

    [Fact]
    public async Task Bad_configuration_stops_the_host_at_start_naming_every_key()
    {
        using IHost host = Build(new()
        {
            ["Store:Path"] = _dir.File("edge.db"),
            ["Store:JobMaxAttempts"] = "0",
            ["Mqtt:Port"] = "70000",
            ["Mqtt:Outbox:MaxPending"] = "0",
            ["Device:Id"] = "a/b",
        });

        AggregateException ex = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        // One exception per options section, all raised together before anything starts.
        string all = string.Join('\n', ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures));
        Assert.Equal(3, ex.InnerExceptions.Count);
        Assert.Contains("Mqtt:Port: must be 1-65535 (was 70000)", all, StringComparison.Ordinal);
        Assert.Contains("Mqtt:Outbox:MaxPending: must be 1-1000000 (was 0)", all, StringComparison.Ordinal);
        Assert.Contains("Device:Id: must be", all, StringComparison.Ordinal);
        Assert.Contains("Store:JobMaxAttempts: must be 1-100 (was 0)", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_host_syncs_through_the_registered_stage()
    {
        using Mosquitto broker = Mosquitto.Start(_dir.Path);
        using TestSubscriber sub = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary");
        using IHost host = Build(new()
        {
            ["Store:Path"] = _dir.File("edge.db"),
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Device:Id"] = "ct-7",
            ["Device:Site"] = "site-9",
        });
        await host.StartAsync();
        EdgeStore store = host.Services.GetRequiredService<EdgeStore>();
        SummaryStage stage = host.Services.GetRequiredService<SummaryStage>();
        var series = new Store.Documents.SeriesRecord { SeriesInstanceUid = "2.25.99", Acquisition = new() { Modality = "CT" } };
        store.CompleteSeries(series, out _);
        Store.Documents.JobRecord job = store.TryLeaseNextJob("host")!;
        var result = new Store.Documents.ResultRecord { Id = Guid.NewGuid(), SeriesInstanceUid = "2.25.99", Decision = Store.Documents.Decision.NotEligible };

        await stage.Writer.WriteAsync(new CompletedJob(job.Id, series, result));

        IReadOnlyList<ReceivedMessage> got = await sub.WaitForAsync(m => m.Count == 1, TimeSpan.FromSeconds(30), "the summary");
        Assert.Equal("edge/v1/site-9/ct-7/summary", got[0].Topic);
        Assert.Equal(result.Id, got[0].Id);
        Assert.True(File.Exists(_dir.File("device-secret")));
        await host.StopAsync();
    }
}
