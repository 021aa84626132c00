using Edge.Service.Hosting;
using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>The main job: a scanner sends a series, the box screens it and the central site hears about it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ScreeningTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _dir = new("edge-e2e");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_lesion_phantom_gives_a_suspicious_summary_and_an_alert_that_edgectl_shows_and_nothing_identifying_leaves()
    {
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/#");
        using EdgeService edge = EdgeService.Start(_dir, broker.Port);
        PhantomSeries phantom = PhantomSeries.WriteSuspicious(_dir.File("lesion"));

        ProcessResult sent = await Modality.SendAsync(edge.Port, phantom.Directory);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);

        IReadOnlyList<ReceivedMessage> messages = await edge.WaitForAsync(central, m => m.Any(x => x.Topic == "edge/v1/clinic-a/ct-room-1/summary"), Wait, "the summary");
        ReceivedMessage summary = messages.Single(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal));
        JsonElement s = summary.Json;
        Assert.True(s.GetProperty("decision").GetString() == "suspicious", $"not suspicious: {summary.Text}");

        // Alerts are published ahead of any summary backlog; here the two come together.
        messages = await edge.WaitForAsync(central, m => m.Any(x => x.Topic == "edge/v1/clinic-a/ct-room-1/alert"), TimeSpan.FromSeconds(30), "the alert");
        ReceivedMessage alert = messages.Single(m => m.Topic.EndsWith("/alert", StringComparison.Ordinal));
        Assert.Equal("ct-room-1", s.GetProperty("deviceId").GetString());
        Assert.Equal("clinic-a", s.GetProperty("siteId").GetString());
        Assert.Equal(72, s.GetProperty("sliceCount").GetInt32());
        JsonElement model = s.GetProperty("models").EnumerateArray().Single();
        Assert.Equal("pancreas-ref", model.GetProperty("id").GetString());
        Assert.Equal("suspicious", model.GetProperty("decision").GetString());
        Assert.NotEmpty(model.GetProperty("findings").EnumerateArray());
        Assert.Equal("CPU", s.GetProperty("executionProvider").GetString());
        Assert.Equal("application/json", summary.ContentType);
        Assert.Equal("suspicious", alert.Json.GetProperty("decision").GetString());
        Assert.Equal(s.GetProperty("seriesKey").GetString(), alert.Json.GetProperty("seriesKey").GetString());

        // The start-up warm-up ran the store's series path on a scratch database: nothing of it was published, and its
        // folder is gone.
        Assert.Contains("Warm-up of the store's series path on a scratch database", edge.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => m.Text.Contains("warm-up", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(edge.DataRoot, StoreWarmUp.FolderName)));

        // The operator's view: edgectl over the control socket, never the database.
        Guid id = summary.Id;
        ProcessResult list = await Edgectl.RunAsync(null, "results", "list", "--socket", edge.Socket);
        Assert.True(list.ExitCode == 0, list.Output + list.Error);
        Assert.Contains(id.ToString(), list.Output, StringComparison.Ordinal);
        Assert.Contains("suspicious", list.Output, StringComparison.Ordinal);
        Assert.Contains(phantom.PatientId, list.Output, StringComparison.Ordinal);
        ProcessResult listJson = await Edgectl.RunAsync(new Dictionary<string, string> { ["EDGE_Control__Socket"] = edge.Socket }, "results", "list", "--json");
        Assert.True(listJson.ExitCode == 0, listJson.Output + listJson.Error);
        JsonElement row = JsonDocument.Parse(listJson.Output).RootElement.EnumerateArray().Single();
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("suspicious", row.GetProperty("decision").GetString());
        ProcessResult show = await Edgectl.RunAsync(null, "results", "show", id.ToString()[..8], "--socket", edge.Socket);
        Assert.True(show.ExitCode == 0, show.Output + show.Error);
        Assert.Contains("pancreas-ref", show.Output, StringComparison.Ordinal);
        Assert.Contains("suspicious", show.Output, StringComparison.Ordinal);
        Assert.Contains(phantom.AccessionNumber, show.Output, StringComparison.Ordinal);
        ProcessResult status = await Edgectl.RunAsync(null, "status", "--json", "--socket", edge.Socket);
        Assert.True(status.ExitCode == 0, status.Output + status.Error);
        JsonElement st = JsonDocument.Parse(status.Output).RootElement;
        Assert.Equal(1, st.GetProperty("results").GetProperty("suspicious").GetInt32());
        Assert.Equal(72, st.GetProperty("dicom").GetProperty("instancesReceived").GetInt32());
        ProcessResult outbox = await Edgectl.RunAsync(null, "outbox", "--socket", edge.Socket);
        Assert.True(outbox.ExitCode == 0, outbox.Output + outbox.Error);
        Assert.Contains("alert", outbox.Output, StringComparison.Ordinal);

        // Reprocessing runs the series again as generation 2, under a new id.
        ProcessResult again = await Edgectl.RunAsync(null, "series", "reprocess", phantom.SeriesInstanceUid, "--socket", edge.Socket);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        messages = await edge.WaitForAsync(central, m => m.Count(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal)) == 2, Wait, "the reprocessed summary");
        ReceivedMessage second = messages.Where(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal)).Last();
        Assert.NotEqual(id, second.Id);
        Assert.Equal(2, second.Json.GetProperty("generation").GetInt32());

        // A heartbeat, then the scan of everything the broker delivered: summaries, alerts, status and heartbeats.
        await edge.WaitForAsync(central, m => m.Any(x => x.Topic.EndsWith("/heartbeat", StringComparison.Ordinal)), Wait, "a heartbeat");
        Phi.AssertAbsent(central.Messages, phantom.Identifiers);
        Assert.DoesNotContain(phantom.PatientName, edge.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_instance_fails_its_series_with_a_reason_while_another_series_is_screened_and_retention_deletes_the_files()
    {
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary");
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, c =>
        {
            c["Storage:KeepReceivedHours"] = "0";
            c["Storage:RetentionIntervalSeconds"] = "1";
        });
        PhantomSeries broken = PhantomSeries.Write(_dir.File("broken"), seed: 21, lesion: false);
        PhantomSeries healthy = PhantomSeries.Write(_dir.File("healthy"), seed: 22, lesion: false);
        CorruptOneInstance(broken);

        ProcessResult first = await Modality.SendAsync(edge.Port, broken.Directory);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        ProcessResult second = await Modality.SendAsync(edge.Port, healthy.Directory);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);

        IReadOnlyList<ReceivedMessage> summaries = await edge.WaitForAsync(central, m => m.Count == 2, Wait, "two summaries");
        JsonElement failed = summaries.Select(m => m.Json).Single(j => j.GetProperty("decision").GetString() == "failed");
        JsonElement screened = summaries.Select(m => m.Json).Single(j => j.GetProperty("decision").GetString() != "failed");
        // The reason names the instance by its number, never by its path (which would carry UIDs).
        string reason = failed.GetProperty("failureReason").GetString() ?? string.Empty;
        Assert.Contains("instance", reason, StringComparison.Ordinal);
        Assert.Equal("pancreas-ref", screened.GetProperty("models")[0].GetProperty("id").GetString());
        Assert.True(edge.Logs.Contains("series failed", StringComparison.Ordinal), edge.Logs);

        // Keep window 0: once processed, the received files go; a reprocess then says why it cannot run.
        string incoming = Path.Combine(edge.DataRoot, "incoming");
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.EnumerateFiles(incoming, "*.dcm", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.EnumerateFiles(incoming, "*.dcm", SearchOption.AllDirectories));
        ProcessResult refused = await Edgectl.RunAsync(null, "series", "reprocess", healthy.SeriesInstanceUid, "--socket", edge.Socket);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("deleted by retention", refused.Error, StringComparison.Ordinal);
        Phi.AssertAbsent(summaries, [.. broken.Identifiers, .. healthy.Identifiers]);
    }

    /// <summary>
    /// Keeps the file valid DICOM, so storescu sends it and the SCP stores it, but cuts its pixel data to a fraction of
    /// Rows x Columns x 2 bytes: the kind of damage a broken archive or a bad export produces.
    /// </summary>
    private static void CorruptOneInstance(PhantomSeries series)
    {
        string victim = Directory.GetFiles(series.Directory, "*.dcm").Order(StringComparer.Ordinal).ElementAt(PhantomSeries.Slices / 2);
        Edge.Dicom.DicomFile file = Edge.Dicom.DicomFile.Open(victim);
        file.Dataset.AddOrUpdate(Edge.Dicom.DicomTags.PixelData, Edge.Dicom.DicomVR.OW, new byte[1000]);
        file.Save(victim);
    }
}
