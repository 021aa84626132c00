namespace Edge.Cli.Terminal;

/// <summary>
/// Whether a command's writer is a person's terminal. Progress and prompts are for people; a pipe, a file, a test's
/// <see cref="StringWriter"/> or <c>journalctl</c> get plain, stable lines instead.
/// </summary>
internal static class TerminalDetect
{
    /// <summary>True when <paramref name="writer"/> is the process's stderr or stdout and that stream is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected)
        || (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>True when questions can be asked: stdin and stderr are both terminals.</summary>
    public static bool CanPrompt => !Console.IsInputRedirected && !Console.IsErrorRedirected;

    /// <summary>NO_COLOR (https://no-color.org) or TERM=dumb turns colour and cursor movement off.</summary>
    public static bool Plain =>
        Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } || Environment.GetEnvironmentVariable("TERM") == "dumb";
}
