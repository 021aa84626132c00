using System.Collections.Concurrent;
using System.Diagnostics;

namespace Edge.Tests.Support;

/// <summary>A child process whose stdout lines are collected as they arrive.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly BlockingCollection<string> _lines = [];
    private readonly System.Text.StringBuilder _stderr = new();

    public ChildProcess(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        Process = new Process { StartInfo = info, EnableRaisingEvents = true };
        Process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else
            {
                _lines.Add(e.Data);
            }
        };
        Process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The next stdout line, or null when stdout closed; throws if none arrives in time.</summary>
    public string? ReadLine(TimeSpan timeout)
    {
        if (_lines.TryTake(out string? line, timeout))
        {
            return line;
        }

        if (_lines.IsCompleted)
        {
            return null;
        }

        throw new TimeoutException($"no output from child within {timeout}; stderr: {Stderr}");
    }

    /// <summary>SIGKILL, then every line it had written before dying.</summary>
    public List<string> KillAndDrain()
    {
        Process.Kill();
        Process.WaitForExit();
        var rest = new List<string>();
        while (_lines.TryTake(out string? line, TimeSpan.FromSeconds(5)))
        {
            rest.Add(line);
        }

        return rest;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
        _lines.Dispose();
    }
}
