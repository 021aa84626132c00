using System.CommandLine;
using Edge.Cli.Control;
using Spectre.Console;

namespace Edge.Cli.Commands.Service;

/// <summary>
/// What every command that talks to edge-service shares: <c>--socket PATH</c> and <c>--json</c>, the client, and the
/// exit codes: 0 done, 1 edge-service refused the request, 3 edge-service is not reachable (as <c>systemctl status</c>
/// uses 3 for a stopped unit).
/// </summary>
internal sealed class ServiceCliOptions
{
    public const int Refused = 1;
    public const int NotRunning = 3;

    public Option<string?> Socket { get; } = new("--socket")
    {
        Description = "Control socket of edge-service (default: $EDGE_Control__Socket, Control:Socket of /etc/edge/edge.json, /run/edge/edge.sock, ./data/edge.sock)",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (for scripts) instead of a table" };

    public void AddTo(Command command)
    {
        command.Options.Add(Socket);
        command.Options.Add(Json);
    }

    /// <summary>Runs <paramref name="body"/> with a client for the resolved socket, turning failures into a message and an exit code.</summary>
    public static async Task<int> RunAsync(string? socket, string command, TextWriter error, Func<ControlClient, Task<int>> body)
    {
        using var client = new ControlClient(ControlSocketPath.Resolve(socket));
        try
        {
            return await body(client).ConfigureAwait(false);
        }
        catch (ServiceUnavailableException ex)
        {
            await error.WriteLineAsync($"edgectl {command}: {ex.Message}").ConfigureAwait(false);
            return NotRunning;
        }
        catch (ControlApiException ex)
        {
            await error.WriteLineAsync($"edgectl {command}: {ex.Message}").ConfigureAwait(false);
            return Refused;
        }
    }

    /// <summary>
    /// A Spectre console that writes to the command's output: colours on a terminal; plain text, and wide enough that
    /// ids and names do not wrap, when piped to a file or grep.
    /// </summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // 240 columns hold a result row (UUID, time, names, accession) unwrapped.
            console.Profile.Width = 240;
        }

        return console;
    }
}
