using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Edge.Service.Tests.Support;

/// <summary>
/// A real Debian Orthanc as the PACS: a generated configuration on free ports in a temp directory, its REST API to
/// look at what it stored. Can be stopped (SIGTERM) and started again on the same ports and storage, as in an outage.
/// </summary>
internal sealed class Orthanc : IDisposable
{
    public const string Binary = "/usr/sbin/Orthanc";

    public const string AeTitle = "ORTHANC";

    private readonly string _config;
    private readonly HttpClient _http;
    private readonly List<string> _log = [];
    private Process? _process;

    private Orthanc(string directory)
    {
        Directory = directory;
        DicomPort = FreePort.Next();
        HttpPort = FreePort.Next();
        _config = Path.Combine(directory, "orthanc.json");
        File.WriteAllText(_config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Name"] = "EdgeTestPacs",
            ["HttpPort"] = HttpPort,
            ["DicomPort"] = DicomPort,
            ["DicomAet"] = AeTitle,
            ["StorageDirectory"] = System.IO.Directory.CreateDirectory(Path.Combine(directory, "storage")).FullName,
            ["IndexDirectory"] = System.IO.Directory.CreateDirectory(Path.Combine(directory, "index")).FullName,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = Array.Empty<string>(),
            // Any calling AE may store (the default, stated so the test does not depend on it).
            ["DicomAlwaysAllowStore"] = true,
            ["DicomCheckCalledAet"] = true,
        }));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public int DicomPort { get; }

    public int HttpPort { get; }

    public bool Running => _process is { HasExited: false };

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log.TakeLast(80));
            }
        }
    }

    public static Orthanc Start(string directory)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install the Debian package 'orthanc' (.ci/run does)");
        var orthanc = new Orthanc(directory);
        orthanc.Launch();
        return orthanc;
    }

    /// <summary>Starts it again on the same ports and storage after <see cref="Stop"/>.</summary>
    public void Launch()
    {
        Assert.False(Running, "Orthanc is already running");
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_config);

        // Orthanc's DICOM layer is dcmtk's: without this it stalls about 40 ms per instance on loopback (Nagle's
        // algorithm against delayed ACKs), which is the test machine's artefact, not the forwarder's.
        info.Environment["TCP_NODELAY"] = "1";
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitForPort(DicomPort);
        WaitForPort(HttpPort);
    }

    /// <summary>SIGTERM, and wait: the PACS is down until <see cref="Launch"/>.</summary>
    public void Stop()
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }

        using (Process kill = Process.Start("/bin/kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        if (!p.WaitForExit(30_000))
        {
            p.Kill();
            p.WaitForExit();
        }
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using HttpResponseMessage response = await _http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<byte[]> GetFileAsync(string instanceId) => _http.GetByteArrayAsync($"instances/{instanceId}/file");

    /// <summary>Every stored instance: Orthanc id with its simplified tags.</summary>
    public async Task<IReadOnlyList<(string Id, JsonElement Tags)>> InstancesAsync()
    {
        string[] ids = (await _http.GetFromJsonAsync<string[]>("instances"))!;
        var result = new List<(string, JsonElement)>(ids.Length);
        foreach (string id in ids)
        {
            result.Add((id, await GetAsync($"instances/{id}/simplified-tags")));
        }

        return result;
    }

    /// <summary>Polls the instance count until <paramref name="done"/> holds; fails with Orthanc's log otherwise.</summary>
    public async Task<int> WaitForInstancesAsync(Func<int, bool> done, TimeSpan timeout, string what, Func<string>? context = null)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        int count = -1;
        while (DateTime.UtcNow < deadline)
        {
            count = (await GetAsync("statistics")).GetProperty("CountInstances").GetInt32();
            if (done(count))
            {
                return count;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out waiting for {what}: Orthanc holds {count} instances\n{context?.Invoke()}\nOrthanc log:\n{Log}");
        return count;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private void WaitForPort(int port)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process!.HasExited, $"Orthanc exited with {(_process.HasExited ? _process.ExitCode : 0)} before listening:\n{Log}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Fail($"Orthanc did not listen on {port} within 30 s:\n{Log}");
    }

    public void Dispose()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit();
        }

        _process?.Dispose();
        _http.Dispose();
    }
}
