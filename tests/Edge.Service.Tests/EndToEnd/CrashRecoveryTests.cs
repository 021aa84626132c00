using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>Power cuts and kills: acknowledged images are never lost, interrupted work resumes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _dir = new("edge-crash");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Receiving_does_not_wait_for_inference_and_a_job_killed_during_inference_resumes_after_restart()
    {
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary");

        // Slow screening settings stretch screening to seconds: time to receive a series
        // meanwhile, and to kill. The reference settings screen this series in about half a second, which a loaded build
        // machine's status polls can miss altogether.
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, ReferenceModel.SlowScreening(_dir.File("models")));
        PhantomSeries first = PhantomSeries.WriteSuspicious(_dir.File("first"));
        PhantomSeries second = PhantomSeries.Write(_dir.File("second"), seed: 43, lesion: false, size: 64, slices: 16);
        Assert.Equal(0, (await Modality.SendAsync(edge.Port, first.Directory)).ExitCode);
        await edge.WaitStatusAsync(s => EdgeService.InInference(s, jobId: 1), Wait, "inference of job 1 to start");

        // The scanner is not slowed by the AI: a whole series is received while the first is still being screened.
        ProcessResult sent = await Modality.SendAsync(edge.Port, second.Directory);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);
        JsonElement during = await edge.StatusAsync();
        Assert.True(EdgeService.InInference(during, jobId: 1), $"inference finished before the second series was received: {during}");
        Assert.Equal(72 + 16, during.GetProperty("dicom").GetProperty("instancesReceived").GetInt32());

        edge.Kill();
        Assert.Empty(central.Messages);
        edge.Restart(_dir.Path);

        IReadOnlyList<ReceivedMessage> summaries = await edge.WaitForAsync(central, m => m.Count >= 2, Wait, "both summaries after the restart");
        JsonElement resumed = summaries.Select(m => m.Json).Single(j => j.GetProperty("sliceCount").GetInt32() == 72);
        Assert.Equal("suspicious", resumed.GetProperty("decision").GetString());
        Assert.Equal(1, resumed.GetProperty("generation").GetInt32());

        // 16 slices cover 40 mm, short of the model's 100 mm: screened as not eligible, without inference.
        JsonElement short_ = summaries.Select(m => m.Json).Single(j => j.GetProperty("sliceCount").GetInt32() == 16);
        Assert.Equal("not_eligible", short_.GetProperty("decision").GetString());
        // Job 1 was leased when the process died; job 2 too if it was already assembled and waiting for inference.
        Assert.Matches("Start-up recovery: [12] interrupted job\\(s\\) re-queued", edge.Logs);
        JsonElement status = await edge.StatusAsync();
        Assert.Equal(2, status.GetProperty("queue").GetProperty("done").GetInt32());
        Assert.Equal(0, status.GetProperty("queue").GetProperty("failed").GetInt32());
        Phi.AssertAbsent(summaries, [.. first.Identifiers, .. second.Identifiers]);
    }

    [Fact]
    public async Task A_series_whose_completion_was_never_committed_is_found_on_disk_after_a_kill()
    {
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary");

        // A long quiet time, and no early completion on the sender's A-RELEASE (a grace at or above the quiet time turns
        // it off): the series is acknowledged and on disk, but not yet complete, when the process dies.
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Completion:QuietTime"] = "00:10:00";
            c["Completion:ReleaseGrace"] = "00:10:00";
        });
        PhantomSeries phantom = PhantomSeries.Write(_dir.File("series"), seed: 42, lesion: false);
        Assert.Equal(0, (await Modality.SendAsync(edge.Port, phantom.Directory)).ExitCode);
        await edge.WaitStatusAsync(s => s.GetProperty("queue").GetProperty("seriesReceiving").GetInt32() == 1, Wait, "the series to be receiving");
        edge.Kill();

        using EdgeService restarted = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Dicom:Port"] = edge.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        IReadOnlyList<ReceivedMessage> summaries = await restarted.WaitForAsync(central, m => m.Count == 1, Wait, "the summary of the rescanned series");
        Assert.Equal(PhantomSeries.Slices, summaries[0].Json.GetProperty("sliceCount").GetInt32());
        Assert.True(restarted.Logs.Contains("1 series found on disk re-tracked", StringComparison.Ordinal), restarted.Logs);
    }
}
