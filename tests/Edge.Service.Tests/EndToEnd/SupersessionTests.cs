using System.Text.Json;

namespace Edge.Service.Tests.EndToEnd;

/// <summary>
/// A sender that releases and goes on with another association: the series completed early on the first release is
/// reopened, its screening is stopped, and only the whole series is screened and published.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SupersessionTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _dir = new("edge-supersede");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Instances_arriving_while_their_series_is_screened_stop_it_and_only_the_whole_series_is_published()
    {
        using Mosquitto broker = Mosquitto.Start(Directory.CreateDirectory(_dir.File("broker")).FullName);
        using TestSubscriber central = await TestSubscriber.ConnectAsync(broker.Port, "edge/v1/+/+/summary");

        // Slow screening settings stretch screening to seconds: the second association
        // arrives well inside it.
        using EdgeService edge = EdgeService.Start(_dir, broker.Port, ReferenceModel.SlowScreening(_dir.File("models")));
        PhantomSeries phantom = PhantomSeries.WriteSuspicious(_dir.File("series"));
        string[] files = [.. Directory.GetFiles(phantom.Directory, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        string first = Directory.CreateDirectory(_dir.File("first")).FullName, rest = Directory.CreateDirectory(_dir.File("rest")).FullName;
        foreach ((string file, int i) in files.Select((f, i) => (f, i)))
        {
            File.Copy(file, Path.Combine(i < 60 ? first : rest, Path.GetFileName(file)));
        }

        Assert.Equal(0, (await Modality.SendAsync(edge.Port, first)).ExitCode);
        await edge.WaitStatusAsync(s => EdgeService.InInference(s, jobId: 1), Wait, "screening of the first 60 instances to start");
        ProcessResult sent = await Modality.SendAsync(edge.Port, rest);
        Assert.True(sent.ExitCode == 0, sent.Output + sent.Error);

        IReadOnlyList<ReceivedMessage> summaries = await edge.WaitForAsync(central, m => m.Count >= 1, Wait, "the summary of the whole series");
        JsonElement done = await edge.WaitStatusAsync(s => s.GetProperty("queue").GetProperty("done").GetInt32() == 1
            && s.GetProperty("queue").GetProperty("seriesReceiving").GetInt32() == 0, Wait, "the queue to settle");
        await Task.Delay(TimeSpan.FromSeconds(1));

        JsonElement summary = Assert.Single(central.Messages).Json;
        Assert.Equal(files.Length, summary.GetProperty("sliceCount").GetInt32());
        Assert.Equal(2, summary.GetProperty("generation").GetInt32());
        Assert.Equal(0, done.GetProperty("queue").GetProperty("failed").GetInt32());
        Assert.Contains("Job 1 skipped: superseded: more instances of its series arrived", edge.Logs, StringComparison.Ordinal);
        Assert.Equal(files.Length, summaries[0].Json.GetProperty("sliceCount").GetInt32());
    }
}
