using Edge.Cli.Commands.Field.Demo;
using Edge.Reporting.KeyImages;
using SkiaSharp;

namespace Edge.Cli.Tests.Field;

/// <summary>
/// <c>edgectl demo</c> end to end, as <c>./build.sh demo</c> runs it: the real edge-service (copied beside this test by
/// its project reference), the embedded broker, two phantoms over DICOM, both summaries, the key image.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_screens_both_phantoms_prints_their_summaries_and_writes_the_key_image()
    {
        using var temp = new TempDirectory("edge-demo-test");
        using var output = new StringWriter();
        using var error = new StringWriter();
        string service = Path.Combine(AppContext.BaseDirectory, "edge-service");
        Assert.True(File.Exists(service), $"{service} is missing: the test project references Edge.Service so its build copies it here");

        // The models of this checkout, wherever the test output lives.
        int code = await new DemoRunner(output, error).RunAsync(
            new DemoOptions { OutputDirectory = temp.File("out"), ServiceBinary = service, ModelsDirectory = ReferenceModel.ModelsDirectory }, CancellationToken.None);

        string text = output.ToString();
        Assert.True(code == 0, $"exit {code}\n{text}\n{error}");
        for (int step = 1; step <= 7; step++)
        {
            Assert.Contains($"[{step}/7]", text, StringComparison.Ordinal);
        }

        Assert.Contains("decision   SUSPICIOUS", text, StringComparison.Ordinal);
        Assert.Contains("decision   NEGATIVE", text, StringComparison.Ordinal);
        Assert.Contains("PHI check: none of the phantoms' patient names", text, StringComparison.Ordinal);
        Assert.Contains("exit code 0", text, StringComparison.Ordinal);

        // The key image: a real PNG, with the finding marked in the renderer's finding colour on the CT slice.
        (int width, _, int marked, SKColor corner) = KeyImagePixels.Read(temp.File("out/keyimage.png"));
        Assert.True(width >= 512, $"key image is only {width} px wide");
        Assert.True(marked > 50, $"only {marked} pixels in the finding colour: the lesion is not outlined");
        Assert.Equal(KeyImageRenderer.BannerColor, corner);
        Assert.True(File.Exists(temp.File("out/summaries.json")));
        Assert.Matches(@"edge-service \S+ starting", File.ReadAllText(temp.File("out/edge-service.log")));
    }
}
