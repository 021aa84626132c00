using Edge.Cli.Terminal;

namespace Edge.Cli.Tests.Field;

public sealed class TerminalProgressTests
{
    [Theory]
    [InlineData(120, 300, 12, "warming up 120/300  40%  0:12")]
    [InlineData(300, 300, 75, "warming up 300/300 100%  1:15")]
    [InlineData(400, 300, 3725, "warming up 300/300 100%  1:02:05")]
    [InlineData(0, 0, 5, "warming up  0:05")]
    [InlineData(7, 0, 5, "warming up 7  0:05")]
    public void The_line_shows_count_percentage_and_elapsed_time(int value, int total, int seconds, string expected) =>
        Assert.Equal(expected, TerminalProgress.Render("warming up", value, total, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void In_a_pipe_it_writes_nothing_at_all()
    {
        using var writer = new StringWriter();
        using (var progress = new TerminalProgress("sending", 3, writer))
        {
            Assert.False(progress.Enabled);
            progress.Report(1);
            progress.Increment();
            progress.Describe("other");
            progress.Tick();
        }

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void On_a_terminal_it_redraws_one_line_in_place_and_erases_it_at_the_end()
    {
        using var writer = new StringWriter();
        using (var progress = new TerminalProgress("sending", 2, writer, enabled: true))
        {
            progress.Report(1);
            progress.Report(2);
        }

        string text = writer.ToString();
        Assert.StartsWith("\rsending 1/2  50%", text, StringComparison.Ordinal);
        Assert.Contains("\rsending 2/2 100%", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }
}
