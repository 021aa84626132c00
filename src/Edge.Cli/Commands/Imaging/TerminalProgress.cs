namespace Edge.Cli.Commands.Imaging;

/// <summary>
/// "label 120/300" redrawn on one line of stderr, only when stderr is a terminal, so scripts and bulk
/// generation see clean output. At most ten redraws a second.
/// </summary>
internal sealed class TerminalProgress(string label, int total, TextWriter error) : IProgress<int>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error);
    private readonly Lock _lock = new();
    private long _lastTicks;
    private bool _drawn;

    public void Report(int value)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_lock)
        {
            long now = Environment.TickCount64;
            if (value < total && now - _lastTicks < 100)
            {
                return;
            }

            _lastTicks = now;
            _drawn = true;
            error.Write($"\r{label} {value}/{total}");
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            error.Write("\r\u001b[K");
        }
    }
}
