using System.Globalization;
using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>The received-image disk fills during a transfer.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LowDiskTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);
    private readonly TempDirectory _dir = new("edge-lowdisk");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_modality_gets_A700_and_the_heartbeat_carries_the_low_disk_alarm()
    {
        // 1.5 MiB for received images (the database stays elsewhere); the series is 64 x 33 KiB = 2.1 MiB. The floor of
        // 512 KiB lets the association in and is crossed half-way through the series.
        const long DiskBytes = 1536 * 1024, Floor = 512 * 1024;
        using SmallDisk disk = await SmallDisk.MountAsync(_dir.File("incoming"), DiskBytes);
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/heartbeat");
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Dicom:StorageRoot"] = disk.Path;
            c["Dicom:MinimumFreeDiskBytes"] = Floor.ToString(CultureInfo.InvariantCulture);
        }, withModels: false);
        PhantomSeries phantom = PhantomSeries.Write(_dir.File("series"), seed: 51, lesion: false);

        ProcessResult sent = await Modality.SendAsync(edge.Port, phantom.Directory);

        // dcmtk names the status of each refused instance: A700, Refused: Out of Resources (PS3.4 B.2.3).
        Assert.Contains("Received Store Response (Refused: OutOfResources)", sent.Output + sent.Error, StringComparison.Ordinal);
        Assert.Contains("Received Store Response (Success)", sent.Output + sent.Error, StringComparison.Ordinal);
        IReadOnlyList<ReceivedMessage> beats = await edge.WaitForAsync(central, 
            m => m.Any(x => x.Json.GetProperty("alarms").EnumerateArray().Any(a => a.GetString() == "low_disk")), Wait, "a heartbeat with low_disk");
        JsonElement beat = beats.Last(x => x.Json.GetProperty("alarms").EnumerateArray().Any(a => a.GetString() == "low_disk")).Json;
        Assert.True(beat.GetProperty("diskFreeBytes").GetInt64() < Floor);
        JsonElement status = await edge.StatusAsync();
        Assert.Contains("low_disk", status.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()));
        Assert.True(status.GetProperty("dicom").GetProperty("instancesFailed").GetInt64() > 0);
        Assert.False(edge.HasExited);
    }
}
