using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Network;

/// <summary>Warnings and errors of the network layer, one line each on stderr; the CLI has no logging host.</summary>
internal sealed class ConsoleErrorLogger<T>(TextWriter error) : ILogger<T>
{
    private readonly Lock _lock = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (_lock)
        {
            error.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
            error.Flush();
        }
    }
}
