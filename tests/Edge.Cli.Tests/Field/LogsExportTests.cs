using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Cli.Commands.Field;
using Edge.Dicom.Network.Client;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.Field;

/// <summary>
/// The support bundle from a box that has just screened a PHI-laden series: it holds the journal, the status and the
/// configuration, and not one identifying value of the patient nor any secret.
/// </summary>
public sealed class LogsExportTests
{
    private const string HmacSecret = "f00dfeedcafe0123456789abcdef0123456789abcdef0123456789abcdef4242";
    private const string BrokerPassword = "broker-pw-Xq93!kk";
    private const string StorePassword = "store-pw-Zy71?mm";

    [Fact]
    public async Task A_bundle_from_a_box_that_screened_a_phi_laden_series_holds_no_phi_and_no_secret()
    {
        using var temp = new TempDirectory("edge-logs");
        PhantomSeries series = PhantomSeries.Write(temp.File("phantom"), seed: 7, lesion: true);
        using EdgeService edge = EdgeService.Start(temp, brokerPort: null, s =>
        {
            s["Device:HmacSecret"] = HmacSecret;
            s["Inference:ExecutionProviders:0"] = "CPU";
        });

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            IReadOnlyList<StoreResult> sent = await new DicomClient().SendAsync(new DicomPeer("127.0.0.1", edge.Port, "EDGE"),
                Directory.GetFiles(series.Directory), null, timeout.Token);
            Assert.All(sent, r => Assert.True(r.Succeeded, r.ToString()));
        }

        // Screened, whatever the model decided: the bundle must be clean either way.
        await edge.WaitStatusAsync(s => s.GetProperty("queue").GetProperty("done").GetInt32() + s.GetProperty("queue").GetProperty("failed").GetInt32() >= 1,
            TimeSpan.FromMinutes(3), "the series to be screened");

        // The site file as an operator's would be: secrets inline and in files, the broker's password in a file.
        File.WriteAllText(temp.File("broker-password"), BrokerPassword + "\n");
        File.WriteAllText(temp.File("edge.json"), new JsonObject
        {
            ["Device"] = new JsonObject { ["Id"] = "ct-room-1", ["Site"] = "clinic-a", ["HmacSecret"] = HmacSecret },
            ["Store"] = new JsonObject { ["Password"] = StorePassword },
            ["Mqtt"] = new JsonObject { ["Host"] = "broker.example.org", ["UsernameFile"] = temp.File("broker-password"), ["PasswordFile"] = temp.File("broker-password") },
        }.ToJsonString());

        // The service's own log stands in for the journal (no systemd here), UIDs and paths included as it wrote them.
        File.WriteAllText(temp.File("journal.log"), edge.Logs);
        string bundle = temp.File("support.tar.gz");
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await new LogsExporter(output, error, new FakeTimeProvider(DateTimeOffset.UtcNow)).RunAsync(
            new LogsExporter.Request(bundle, "1 hour ago", edge.Socket, temp.File("edge.json"), temp.File("journal.log"), temp.File("no-dropins")),
            CancellationToken.None);
        Assert.True(code == 0, error.ToString());

        Dictionary<string, string> files = ReadTarGz(bundle);
        Assert.Contains(files.Keys, k => k.EndsWith("/journal.txt", StringComparison.Ordinal));
        Assert.Contains(files.Keys, k => k.EndsWith("/status.json", StringComparison.Ordinal));
        Assert.Contains(files.Keys, k => k.EndsWith("/status.txt", StringComparison.Ordinal));
        Assert.Contains(files.Keys, k => k.EndsWith("/config/edge.json", StringComparison.Ordinal));
        Assert.Contains(files.Keys, k => k.EndsWith("/config/validation.txt", StringComparison.Ordinal));
        Assert.Contains(files.Keys, k => k.EndsWith("/system.txt", StringComparison.Ordinal));
        Assert.Contains("clinic-a", files.Single(f => f.Key.EndsWith("/status.json", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.True(files.Single(f => f.Key.EndsWith("/journal.txt", StringComparison.Ordinal)).Value.Length > 200, "the journal is in the bundle");

        // The journal really did carry identifiers before the export (otherwise this test would prove nothing about it).
        string raw = edge.Logs;
        bool journalHadUids = series.SopInstanceUids.Concat([series.StudyInstanceUid, series.SeriesInstanceUid]).Any(uid => raw.Contains(uid, StringComparison.Ordinal));

        string[] forbidden = [.. series.Identifiers, HmacSecret, BrokerPassword, StorePassword];
        foreach ((string name, string text) in files)
        {
            foreach (string value in forbidden.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"'{value}' is in {name} of the support bundle");
            }
        }

        // The credential file's path is there (support needs to know which file), its content is not.
        Assert.Contains(temp.File("broker-password"), files.Single(f => f.Key.EndsWith("/config/edge.json", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Contains(Redactor.Mark, files.Single(f => f.Key.EndsWith("/config/edge.json", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        if (journalHadUids)
        {
            Assert.Contains(Redactor.UidMark, files.Single(f => f.Key.EndsWith("/journal.txt", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_zip_bundle_of_a_stopped_service_says_so_and_still_has_the_configuration()
    {
        using var temp = new TempDirectory("edge-logs");
        File.WriteAllText(temp.File("edge.json"), """{ "Device": { "Id": "ct-1", "Site": "clinic-a" }, "Dicom": { "Port": 70000 } }""");
        File.WriteAllText(temp.File("journal.log"), "study 1.2.826.0.1.3680043.8.498.12345678901234567890 stored from 10.0.0.5, edge 0.1.0\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await new LogsExporter(output, error, TimeProvider.System).RunAsync(
            new LogsExporter.Request(temp.File("b.zip"), "1 day ago", temp.File("none.sock"), temp.File("edge.json"), temp.File("journal.log"), temp.File("none")),
            CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Contains("edge-service did not answer", output.ToString(), StringComparison.Ordinal);

        using ZipArchive zip = ZipFile.OpenRead(temp.File("b.zip"));
        string Read(string suffix)
        {
            using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(suffix, StringComparison.Ordinal)).Open());
            return reader.ReadToEnd();
        }

        Assert.Contains("Dicom:Port: must be 1-65535", Read("/config/validation.txt"), StringComparison.Ordinal);
        Assert.Equal("study <uid> stored from 10.0.0.5, edge 0.1.0\n", Read("/journal.txt"));
        Assert.Contains("not running", Read("/status.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_tar_gz_and_zip_are_written()
    {
        using var temp = new TempDirectory("edge-logs");
        using var error = new StringWriter();
        Assert.Equal(2, await new LogsExporter(TextWriter.Null, error, TimeProvider.System).RunAsync(
            new LogsExporter.Request(temp.File("b.rar"), "1 day ago", null, temp.File("edge.json"), null, temp.File("none")), CancellationToken.None));
        Assert.Contains(".tar.gz, .tgz or .zip", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("b.rar")));
    }

    private static Dictionary<string, string> ReadTarGz(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!, Encoding.UTF8);
            files[entry.Name] = reader.ReadToEnd();
        }

        return files;
    }
}
