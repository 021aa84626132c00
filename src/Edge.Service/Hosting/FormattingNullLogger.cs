using Microsoft.Extensions.Logging;

namespace Edge.Service.Hosting;

/// <summary>
/// A logger that is enabled for everything, formats each message and keeps nothing: calling a logging method on it
/// compiles that message's formatting code (<see cref="LogPathWarmUp"/>) without writing a line.
/// </summary>
internal sealed class FormattingNullLogger : ILogger
{
    public static FormattingNullLogger Instance { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _ = formatter(state, exception);
    }
}
