using System.Text.Json;
using Edge.Cli.Commands.Service;
using Edge.Dicom.Network.Client;
using Edge.Reporting.KeyImages;
using SkiaSharp;

namespace Edge.Cli.Tests.Field;

/// <summary><c>edgectl results show ID --png FILE</c> on a result of the real service, drawn from the images it received.</summary>
public sealed class ResultsPngTests
{
    [Fact]
    public async Task The_key_slice_of_a_suspicious_result_is_written_with_its_findings_circled()
    {
        using var temp = new TempDirectory("edge-png");
        PhantomSeries series = PhantomSeries.Write(temp.File("phantom"), seed: 11, lesion: true);
        using EdgeService edge = EdgeService.Start(temp, brokerPort: null, s => s["Inference:ExecutionProviders:0"] = "CPU");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            IReadOnlyList<StoreResult> sent = await new DicomClient().SendAsync(new DicomPeer("127.0.0.1", edge.Port, "EDGE"),
                Directory.GetFiles(series.Directory), null, timeout.Token);
            Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
        }

        await edge.WaitStatusAsync(s => s.GetProperty("results").GetProperty("suspicious").GetInt32() >= 1, TimeSpan.FromMinutes(3), "a suspicious result");
        JsonElement results = await edge.GetAsync("results");
        string id = results.EnumerateArray().First().GetProperty("id").GetString()!;

        using var output = new StringWriter();
        using var error = new StringWriter();
        string png = temp.File("key.png");
        int code = await ResultsCommand.ShowAsync(edge.Socket, json: false, id, png, output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        Assert.Contains($"Key image {png}", output.ToString(), StringComparison.Ordinal);

        (_, _, int marked, SKColor corner) = KeyImagePixels.Read(png);
        Assert.True(marked > 50, $"only {marked} pixels in the finding colour");

        // The banner says the reference model's result is not for diagnosis: its top rows are the banner colour.
        Assert.Equal(KeyImageRenderer.BannerColor, corner);
    }
}
