using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Edge.Cli.Tests.Field;

/// <summary>
/// The shipped broker example, running: certificates from firmware-config/broker/make-certs.sh, a central mosquitto and
/// a site mosquitto bridged to it, each from the shipped mosquitto.conf with only its installation paths, ports and the
/// central address rewritten for a temp folder. Shared by the tests of one class (two broker starts per run).
/// </summary>
public sealed class BrokerExample : IDisposable
{
    public const string Mosquitto = "/usr/sbin/mosquitto";

    private readonly TempDirectory _temp = new("edge-broker");
    private readonly List<Process> _brokers = [];

    public BrokerExample()
    {
        Assert.True(File.Exists(Mosquitto), $"{Mosquitto} is missing: install the Debian 'mosquitto' package (.ci/run does)");
        Pki = _temp.File("pki");
        string script = Path.Combine(Checkout.FirmwareConfig, "broker", "make-certs.sh");
        MakeCerts(script, "ca");
        MakeCerts(script, "server", "broker", "IP:127.0.0.1", "DNS:localhost");
        MakeCerts(script, "server", "site-broker", "IP:127.0.0.1", "DNS:localhost");
        MakeCerts(script, "device", "clinic-a", "ct-1");
        MakeCerts(script, "device", "clinic-a", "ct-2");
        MakeCerts(script, "device", "clinic-b", "ct-1");
        MakeCerts(script, "bridge", "clinic-a");
        MakeCerts(script, "consumer", "archive");
        File.Copy(Path.Combine(Checkout.FirmwareConfig, "broker", "acl"), Path.Combine(Pki, "acl"));

        CentralPort = FreePort.Next();
        SitePort = FreePort.Next();
        Start("central", CentralPort, null);
        Start("site", SitePort, CentralPort);
    }

    public string Pki { get; }

    public int CentralPort { get; }

    public int SitePort { get; }

    public string Log(string broker) => File.ReadAllText(_temp.File($"{broker}/log"));

    private void MakeCerts(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(Pki);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"make-certs.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr}");
    }

    /// <summary>The shipped configuration with the installation paths, the port and the central address changed; nothing else.</summary>
    private void Start(string name, int port, int? centralPort)
    {
        string data = Directory.CreateDirectory(_temp.File(name)).FullName;
        string config = File.ReadAllText(Path.Combine(Checkout.FirmwareConfig, "broker", name, "mosquitto.conf"));
        config = Replace(config, "/etc/mosquitto/edge/", Pki + "/");
        config = Replace(config, "persistence_location /var/lib/mosquitto/", $"persistence_location {data}/");
        config = Replace(config, "\nlog_dest syslog", $"\nlog_dest file {data}/log");
        config = Replace(config, "\nlistener 8883\n", $"\nlistener {port} 127.0.0.1\n");
        if (centralPort is { } central)
        {
            config = Replace(config, "address central.example.org:8883", $"address 127.0.0.1:{central}");
        }

        // As root, mosquitto would switch to user 'mosquitto', which cannot read this temp folder.
        if (Environment.UserName == "root")
        {
            config = "user root\n" + config;
        }

        string file = Path.Combine(data, "mosquitto.conf");
        File.WriteAllText(file, config);
        var info = new ProcessStartInfo(Mosquitto) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(file);
        Process broker = Process.Start(info)!;
        broker.BeginOutputReadLine();
        broker.BeginErrorReadLine();
        _brokers.Add(broker);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Assert.False(broker.HasExited, $"mosquitto ({name}) exited with {(broker.HasExited ? broker.ExitCode : 0)}: {(File.Exists(Path.Combine(data, "log")) ? File.ReadAllText(Path.Combine(data, "log")) : string.Empty)}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(25);
            }
        }

        Assert.Fail($"mosquitto ({name}) did not listen on {port}");
    }

    private static string Replace(string text, string what, string with)
    {
        Assert.True(text.Contains(what, StringComparison.Ordinal), $"the shipped mosquitto.conf no longer contains '{Regex.Escape(what)}'; update this test with it");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (Process broker in _brokers)
        {
            if (!broker.HasExited)
            {
                broker.Kill();
                broker.WaitForExit();
            }

            broker.Dispose();
        }

        _temp.Dispose();
    }
}
