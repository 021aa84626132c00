using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Edge.Sync.Tests.Support;

/// <summary>
/// A real Debian mosquitto broker on a free port with a generated configuration in a temp directory.
/// Can be stopped (SIGTERM, so it saves persistence) and started again on the same port.
/// </summary>
internal sealed class Mosquitto : IDisposable
{
    public const string Binary = "/usr/sbin/mosquitto";

    private readonly string _config;
    private readonly string _log;
    private Process? _process;

    private Mosquitto(string directory, string config, int port)
    {
        Directory = directory;
        Port = port;
        _config = Path.Combine(directory, "mosquitto.conf");
        _log = Path.Combine(directory, "mosquitto.log");
        File.WriteAllText(_config, config.Replace("@LOG@", _log, StringComparison.Ordinal));
    }

    public string Directory { get; }

    public int Port { get; }

    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    public sealed class Settings
    {
        public bool Persistence { get; init; }

        public (string User, string Password)? Credentials { get; init; }

        /// <summary>CA, server cert, server key; with <c>require_certificate true</c>.</summary>
        public (string Ca, string Cert, string Key)? Tls { get; init; }

        /// <summary>ACL file lines (mosquitto acl_file syntax).</summary>
        public string[]? Acl { get; init; }
    }

    public static Mosquitto Start(string directory, Settings? settings = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian 'mosquitto' package (.ci/run does).");
        }

        settings ??= new Settings();
        int port = FreePort.Next();
        var config = new StringBuilder();

        // As root, mosquitto would switch to user 'mosquitto', which cannot read this temp directory.
        if (Environment.UserName == "root")
        {
            config.AppendLine("user root");
        }

        config.AppendLine("log_dest file @LOG@");
        config.AppendLine("log_type error");
        config.AppendLine("log_type warning");
        config.AppendLine("log_type notice");
        config.AppendLine("log_type information");
        config.AppendLine("connection_messages true");
        config.AppendLine($"listener {port} 127.0.0.1");
        if (settings.Tls is { } tls)
        {
            config.AppendLine($"cafile {tls.Ca}");
            config.AppendLine($"certfile {tls.Cert}");
            config.AppendLine($"keyfile {tls.Key}");
            config.AppendLine("require_certificate true");
        }

        if (settings.Credentials is { } credentials)
        {
            string passwd = Path.Combine(directory, "passwd");
            File.WriteAllText(passwd, "");
            Run("/usr/bin/mosquitto_passwd", "-b", passwd, credentials.User, credentials.Password);
            config.AppendLine("allow_anonymous false");
            config.AppendLine($"password_file {passwd}");
        }
        else
        {
            config.AppendLine("allow_anonymous true");
        }

        if (settings.Acl is { } acl)
        {
            string aclFile = Path.Combine(directory, "acl");
            File.WriteAllLines(aclFile, acl);
            config.AppendLine($"acl_file {aclFile}");
        }

        if (settings.Persistence)
        {
            config.AppendLine("persistence true");
            config.AppendLine($"persistence_location {directory}/");
        }

        var broker = new Mosquitto(directory, config.ToString(), port);
        broker.Start();
        return broker;
    }

    public void Start()
    {
        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_config);
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on {Port}: {Log}");
    }

    /// <summary>SIGTERM (mosquitto saves its persistence file), then wait for exit.</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        Run("/bin/kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using Process p = Process.Start(info)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {err}");
        }
    }

    public void Dispose() => Stop();
}
