using System.Diagnostics;
using System.Globalization;

namespace Edge.Cli.Terminal;

/// <summary>
/// One progress line for a long operation (warm-up, send, eval, selftest, demo): <c>label 120/300  40%  0:12</c>,
/// redrawn in place on <paramref name="writer"/> only when it is a terminal, at most ten times a second, and erased
/// when disposed, so the command's real output follows on a clean line. In a pipe it writes nothing: scripts and logs
/// see only results. A <paramref name="total"/> of 0 shows a count and the elapsed time (work of unknown size).
/// </summary>
internal sealed class TerminalProgress : IProgress<int>, IDisposable
{
    /// <summary>A redraw every 100 ms looks continuous and costs nothing next to the work it reports.</summary>
    private const long RedrawIntervalMs = 100;

    private readonly TextWriter _writer;
    private readonly int _total;
    private readonly bool _enabled;
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _label;
    private int _value;
    private long _lastDrawMs = -RedrawIntervalMs;
    private int _drawnWidth;

    public TerminalProgress(string label, int total, TextWriter writer)
        : this(label, total, writer, TerminalDetect.IsTerminal(writer))
    {
    }

    /// <summary>For tests: <paramref name="enabled"/> forces drawing on any writer.</summary>
    internal TerminalProgress(string label, int total, TextWriter writer, bool enabled)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        _label = label;
        _total = total;
        _writer = writer;
        _enabled = enabled;
    }

    public bool Enabled => _enabled;

    /// <summary>Sets the number of items done.</summary>
    public void Report(int value)
    {
        lock (_lock)
        {
            _value = value;
            Draw(force: _total > 0 && value >= _total);
        }
    }

    /// <summary>Advances by one item.</summary>
    public void Increment()
    {
        lock (_lock)
        {
            _value++;
            Draw(force: _total > 0 && _value >= _total);
        }
    }

    /// <summary>Changes the label (the step now running) and redraws.</summary>
    public void Describe(string label)
    {
        lock (_lock)
        {
            _label = label;
            Draw(force: true);
        }
    }

    /// <summary>Redraws with the current elapsed time; call it from a wait loop so a slow step visibly lives.</summary>
    public void Tick()
    {
        lock (_lock)
        {
            Draw(force: false);
        }
    }

    private void Draw(bool force)
    {
        if (!_enabled)
        {
            return;
        }

        long now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDrawMs < RedrawIntervalMs)
        {
            return;
        }

        _lastDrawMs = now;
        string line = Render(_label, _value, _total, _clock.Elapsed);
        int pad = Math.Max(0, _drawnWidth - line.Length);
        _writer.Write("\r" + line + new string(' ', pad));
        _writer.Flush();
        _drawnWidth = line.Length;
    }

    internal static string Render(string label, int value, int total, TimeSpan elapsed)
    {
        string time = elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        if (total <= 0)
        {
            return value > 0 ? $"{label} {value.ToString(CultureInfo.InvariantCulture)}  {time}" : $"{label}  {time}";
        }

        int shown = Math.Clamp(value, 0, total);
        int percent = (int)(100L * shown / total);
        return string.Create(CultureInfo.InvariantCulture, $"{label} {shown}/{total} {percent,3}%  {time}");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_enabled && _drawnWidth > 0)
            {
                // Erase the line: carriage return, clear to end of line.
                _writer.Write("\r\u001b[K");
                _writer.Flush();
                _drawnWidth = 0;
            }
        }
    }
}
