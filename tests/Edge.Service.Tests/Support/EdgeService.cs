using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Edge.Service.Tests.Support;

/// <summary>
/// The built <c>edge-service</c> as a child process (the apphost copied into this test project's output by its project
/// reference, or <c>$EDGE_SERVICE</c>), configured only through <c>EDGE_</c> environment variables as an operator would,
/// on a free DICOM port, a temp data directory and its own control socket. Can be killed (SIGKILL), stopped (SIGTERM) and
/// started again on the same data.
/// </summary>
internal sealed class EdgeService : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _logs = [];
    private readonly HttpClient _http;
    private Process? _process;

    private EdgeService(Dictionary<string, string> environment, string socket, int port, string dataRoot)
    {
        _environment = environment;
        Socket = socket;
        Port = port;
        DataRoot = dataRoot;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(Socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                }
                catch
                {
                    s.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = new Uri("http://edge-service/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static string Binary
    {
        get
        {
            string path = System.Environment.GetEnvironmentVariable("EDGE_SERVICE") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "edge-service");
            Assert.True(File.Exists(path), $"{path} is missing: build tests/Edge.Service.Tests (it copies edge-service beside itself) or set EDGE_SERVICE");
            return path;
        }
    }

    public int Port { get; }

    public string Socket { get; }

    public string DataRoot { get; }

    public int ProcessId => _process?.Id ?? 0;

    public bool HasExited => _process?.HasExited ?? true;

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public string Logs
    {
        get
        {
            lock (_logs)
            {
                return string.Join('\n', _logs);
            }
        }
    }

    /// <summary>
    /// Settings every test starts from; <paramref name="configure"/> adds or replaces keys (Section:Key). A value of null
    /// removes a key, so the service's own default applies.
    /// </summary>
    /// <param name="withModels">
    /// False: an empty models folder, for tests about configuration or the broker that need no screening (quicker start,
    /// and the <c>no_models</c> alarm is raised).
    /// </param>
    public static EdgeService Start(TempDirectory directory, int? brokerPort, Action<Dictionary<string, string?>>? configure = null,
        IDictionary<string, string>? environment = null, bool waitReady = true, bool withModels = true)
    {
        int port = FreePort.Next();
        string data = Path.Combine(directory.Path, "data");
        string socket = Path.Combine(directory.Path, "edge.sock");
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:Root"] = data,
            ["Control:Socket"] = socket,
            ["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture),
            // The build machine's own free space must not decide the tests; the low-disk test sets its own floor.
            ["Dicom:MinimumFreeDiskBytes"] = "0",
            ["Completion:QuietTime"] = "00:00:01",
            ["Mqtt:Host"] = brokerPort is null ? string.Empty : "127.0.0.1",
            ["Mqtt:Port"] = brokerPort?.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:HeartbeatSeconds"] = "1",
            ["Mqtt:ReconnectMinDelaySeconds"] = "0.2",
            ["Mqtt:ReconnectMaxDelaySeconds"] = "1",
            ["Device:Id"] = "ct-room-1",
            ["Device:Site"] = "clinic-a",
            ["Inference:ModelsDirectory"] = withModels ? ReferenceModel.ModelsDirectory : Directory.CreateDirectory(Path.Combine(directory.Path, "no-models")).FullName,
        };
        configure?.Invoke(settings);

        Dictionary<string, string> env = CleanEnvironment();
        // No site file: the test's settings are the whole configuration.
        env["EDGE_CONFIG"] = Path.Combine(directory.Path, "no-site-file.json");
        foreach ((string key, string? value) in settings)
        {
            if (value is not null)
            {
                env["EDGE_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        // Where the service will put things when a key is left to its default (relative to its working directory).
        int effectivePort = settings["Dicom:Port"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 11112;
        string effectiveData = settings["Storage:Root"] ?? data;
        string effectiveSocket = settings["Control:Socket"] ?? Path.Combine(effectiveData, "edge.sock");
        var service = new EdgeService(env, effectiveSocket, effectivePort, effectiveData);
        service.Launch(directory.Path);
        if (waitReady)
        {
            service.WaitReadyAsync().GetAwaiter().GetResult();
        }

        return service;
    }

    /// <summary>This process's environment without anything that would configure edge-service behind the test's back.</summary>
    public static Dictionary<string, string> CleanEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            string key = (string)e.Key;
            if (!key.StartsWith("EDGE_", StringComparison.Ordinal) && key is not ("NOTIFY_SOCKET" or "WATCHDOG_USEC" or "WATCHDOG_PID"
                or "STATE_DIRECTORY" or "RUNTIME_DIRECTORY" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_ENVIRONMENT"))
            {
                env[key] = (string?)e.Value ?? string.Empty;
            }
        }

        return env;
    }

    /// <summary>Starts the process again on the same configuration and data (after a kill or a stop).</summary>
    public void Restart(string workingDirectory)
    {
        Assert.True(HasExited, "edge-service is still running");
        Launch(workingDirectory);
        WaitReadyAsync().GetAwaiter().GetResult();
    }

    private void Launch(string workingDirectory)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.Environment.Clear();
        foreach ((string key, string value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_logs)
            {
                _logs.Add(line);
            }
        }
    }

    /// <summary>Until <c>GET /status</c> answers: store recovered, models warm, SCP and control API listening.</summary>
    public async Task WaitReadyAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                Assert.Fail($"edge-service exited with {_process?.ExitCode} before it was ready:\n{Logs}");
            }

            if (File.Exists(Socket))
            {
                try
                {
                    using HttpResponseMessage response = await _http.GetAsync("status");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail($"edge-service was not ready within 90 s:\n{Logs}");
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using HttpResponseMessage response = await _http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string path)
    {
        using HttpResponseMessage response = await _http.PostAsync(path, content: null);
        string body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Whether a status document shows the inference stage screening this job.</summary>
    public static bool InInference(JsonElement status, int jobId) =>
        status.GetProperty("stages").EnumerateArray().Any(s =>
            s.GetProperty("name").GetString() == "inference" && s.GetProperty("state").GetString() == "busy"
            && s.GetProperty("activity").GetString() == $"screening job {jobId}");

    public Task<JsonElement> StatusAsync() => GetAsync("status");

    /// <summary>Polls the status until <paramref name="done"/> holds.</summary>
    public async Task<JsonElement> WaitStatusAsync(Func<JsonElement, bool> done, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                Assert.Fail($"edge-service exited with {_process?.ExitCode} while waiting for {what}:\n{Logs}");
            }

            last = await StatusAsync();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"timed out waiting for {what}; last status {last}\n{Logs}");
        return last;
    }

    /// <summary>Waits for messages at the broker; a timeout reports this service's log, which says why they did not come.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(TestSubscriber subscriber, Func<IReadOnlyList<ReceivedMessage>, bool> done,
        TimeSpan timeout, string what)
    {
        try
        {
            return await subscriber.WaitForAsync(done, timeout, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message[..Math.Min(ex.Message.Length, 600)]}\nedge-service log:\n{Logs}", ex);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or a power cut of the process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as systemd stops the service; returns the exit code.</summary>
    public int Stop()
    {
        if (_process is not { HasExited: false } p)
        {
            return _process?.ExitCode ?? 0;
        }

        using (Process kill = Process.Start("/bin/kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        if (!p.WaitForExit(40_000))
        {
            p.Kill();
            Assert.Fail($"edge-service did not stop within 40 s of SIGTERM:\n{Logs}");
        }

        p.WaitForExit();
        return p.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        _http.Dispose();
    }
}
