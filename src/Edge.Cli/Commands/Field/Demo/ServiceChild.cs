using System.Diagnostics;
using System.Runtime.InteropServices;
using Edge.Cli.Control;
using Edge.Service.Control.Contracts;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>
/// The built edge-service as a child process, configured only by the demo's own file (EDGE_CONFIG; nothing is read
/// from /etc/edge), logging to a file, stopped as systemd stops it (SIGTERM, then SIGKILL after a grace period).
/// </summary>
internal sealed partial class ServiceChild : IDisposable
{
    /// <summary>The unit's TimeoutStopSec is 60 s; the demo's service has far less to finish.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceChild(Process process, StreamWriter log, string logPath, string socket)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Socket = socket;
    }

    public string LogPath { get; }

    public string Socket { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>edge-service beside this edgectl (artifacts/bin, or /usr/lib/edge), or <c>$EDGE_SERVICE</c>.</summary>
    public static string? Find(string? explicitPath)
    {
        string path = explicitPath
            ?? Environment.GetEnvironmentVariable("EDGE_SERVICE")
            ?? Path.Combine(AppContext.BaseDirectory, "edge-service");
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    public static ServiceChild Start(string binary, string configFile, string socket, string logPath, string workingDirectory)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };

        // The demo's file is the whole site configuration: drop anything from this shell that would configure the service.
        foreach (string key in info.Environment.Keys.Where(k => k.StartsWith("EDGE_", StringComparison.Ordinal)
            || k is "NOTIFY_SOCKET" or "WATCHDOG_USEC" or "WATCHDOG_PID" or "STATE_DIRECTORY" or "RUNTIME_DIRECTORY").ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["EDGE_CONFIG"] = configFile;
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Process process = Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceChild(process, log, logPath, socket);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Waits until the control API answers <c>GET /status</c>: store open, models warm, DICOM listening.</summary>
    public async Task<StatusResponse> WaitReadyAsync(TimeSpan timeout, Action tick, CancellationToken cancellationToken)
    {
        using var client = new ControlClient(Socket);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"edge-service exited with code {_process.ExitCode} while starting:\n{Tail(20)}");
            }

            if (File.Exists(Socket))
            {
                try
                {
                    return await client.GetAsync<StatusResponse>("status", cancellationToken).ConfigureAwait(false);
                }
                catch (ServiceUnavailableException)
                {
                    // Listening soon.
                }
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"edge-service was not ready within {timeout.TotalSeconds:0} s:\n{Tail(20)}");
            }

            tick();
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines of the service's log, for an error message.</summary>
    public string Tail(int lines)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        string[] all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.TakeLast(lines).Select(l => "  | " + l));
    }

    /// <summary>SIGTERM and a wait, as <c>systemctl stop</c> does; SIGKILL only if it overstays. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
