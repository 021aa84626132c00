using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Cli.Terminal;
using Edge.Dicom.Network.Client;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Reporting;
using Edge.Service.Control.Contracts;
using Edge.Sync;
using Edge.Sync.Messages;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>
/// <c>edgectl demo</c>: the appliance's main job end to end on one machine with nothing but the .NET SDK. An embedded
/// MQTT broker stands in for the central site; the real edge-service runs as a child process on free ports with a
/// temporary data directory; two phantom CT series (one with a pancreatic lesion) go in over DICOM; both summaries come
/// out on the broker and are printed; the lesion's key image is written as a PNG; everything is shut down.
/// Exit codes: 0 the lesion was found and the clean series was negative; 1 anything else (with the reason).
/// </summary>
internal sealed class DemoRunner(TextWriter output, TextWriter error)
{
    private const int Steps = 7;
    private const string Site = "demo-site";
    private const string Device = "demo-ct";
    private const string AeTitle = "EDGE";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _step;

    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        string? binary = ServiceChild.Find(options.ServiceBinary);
        if (binary is null)
        {
            await error.WriteLineAsync($"edgectl demo: edge-service is not beside edgectl ({AppContext.BaseDirectory}); build it with ./build.sh build, or pass --service PATH").ConfigureAwait(false);
            return 2;
        }

        ModelDirectory models = ModelDirectoryResolver.Resolve(options.ModelsDirectory);
        ModelPackage? package = Directory.Exists(models.Path)
            ? ModelCatalog.Discover(models.Path).Where(e => e.IsValid).Select(e => e.Package!).FirstOrDefault()
            : null;
        if (package is null)
        {
            await error.WriteLineAsync($"edgectl demo: no valid model package in {models.Path} ({models.Source}); pass --models DIR").ConfigureAwait(false);
            return 2;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        string workspace = Directory.CreateTempSubdirectory("edge-demo-").FullName;
        string outputs = Directory.CreateDirectory(options.OutputDirectory).FullName;
        await output.WriteLineAsync("Edge demo: the appliance's main job, end to end, on this machine.").ConfigureAwait(false);
        await output.WriteLineAsync($"  working directory {workspace}{(options.Keep ? string.Empty : " (deleted at the end; --keep keeps it)")}").ConfigureAwait(false);
        EmbeddedBroker? broker = null;
        ServiceChild? service = null;
        SummaryInbox? inbox = null;
        try
        {
            broker = await EmbeddedBroker.StartAsync(deadline.Token).ConfigureAwait(false);
            inbox = await SummaryInbox.ConnectAsync(broker.Port, TopicNames.AllDevices("edge/v1"), deadline.Token).ConfigureAwait(false);
            await Step($"MQTT broker, embedded (it stands in for the central site), on 127.0.0.1:{broker.Port}; subscribed to edge/v1/+/+/#").ConfigureAwait(false);

            string secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            int dicomPort = FreePort.Next();
            string config = WriteConfiguration(workspace, outputs, dicomPort, broker.Port, models.Path, secret);
            service = ServiceChild.Start(binary, config, Path.Combine(workspace, "edge.sock"), Path.Combine(outputs, "edge-service.log"), workspace);
            StatusResponse ready;
            using (var waiting = new TerminalProgress("      starting edge-service (opening the store, loading and warming up the models)", 0, error))
            {
                ready = await service.WaitReadyAsync(TimeSpan.FromMinutes(2), waiting.Tick, deadline.Token).ConfigureAwait(false);
            }

            await Step($"edge-service ({binary}) ready: {AeTitle} on DICOM port {dicomPort}, models {string.Join(", ", ready.Models.Select(m => $"{m.Id} {m.Version}"))} on {ready.ExecutionProvider ?? "?"}").ConfigureAwait(false);

            DemoPhantom withLesion = DemoPhantom.Create(Path.Combine(workspace, "phantom-lesion"), seed: 4211, lesion: true, options.Size, options.Slices, error, deadline.Token);
            DemoPhantom clean = DemoPhantom.Create(Path.Combine(workspace, "phantom-clean"), seed: 4212, lesion: false, options.Size, options.Slices, error, deadline.Token);
            await Step(string.Create(CultureInfo.InvariantCulture,
                $"two phantom CT series of {options.Slices} slices of {options.Size}x{options.Size} at {DemoPhantom.SliceMm:0.#} mm: one with a {DemoPhantom.LesionDiameterMm:0} mm lesion in the pancreas {withLesion.Lesion?.Site.ToLowerInvariant()}, one without")).ConfigureAwait(false);

            await SendAsync([withLesion, clean], dicomPort, deadline.Token).ConfigureAwait(false);

            DeviceSecret keys = DeviceSecret.FromText(secret, "the demo's secret");
            var expected = new Dictionary<string, DemoPhantom>(StringComparer.Ordinal)
            {
                [keys.KeyOf(withLesion.SeriesInstanceUid)] = withLesion,
                [keys.KeyOf(clean.SeriesInstanceUid)] = clean,
            };
            IReadOnlyList<EdgeSummary> summaries = await WaitForSummariesAsync(inbox, service, expected.Keys, deadline.Token).ConfigureAwait(false);
            await Step($"both summaries arrived on the broker (topic edge/v1/{Site}/{Device}/summary):").ConfigureAwait(false);
            var problems = new List<string>();
            foreach (EdgeSummary summary in summaries.OrderBy(s => expected[s.SeriesKey].Lesion is null))
            {
                DemoPhantom phantom = expected[summary.SeriesKey];
                await output.WriteLineAsync($"    The {phantom.Title}:").ConfigureAwait(false);
                await output.WriteAsync(SummaryText.Render(summary)).ConfigureAwait(false);
                string wanted = phantom.Lesion is null ? "negative" : "suspicious";
                if (summary.Decision != wanted)
                {
                    problems.Add($"the {phantom.Title} was screened {summary.Decision}, expected {wanted}");
                }
            }

            await output.WriteLineAsync(Describe(inbox, withLesion, clean)).ConfigureAwait(false);
            await WriteSummariesAsync(inbox, outputs).ConfigureAwait(false);

            EdgeSummary lesionSummary = summaries.Single(s => expected[s.SeriesKey] == withLesion);
            await WriteKeyImageAsync(lesionSummary, withLesion, package, outputs, problems).ConfigureAwait(false);

            int exit = await service.StopAsync().ConfigureAwait(false);
            await broker.DisposeAsync().ConfigureAwait(false);
            broker = null;
            await Step($"shut down: edge-service stopped on SIGTERM (exit code {exit}), broker stopped").ConfigureAwait(false);
            if (exit != 0)
            {
                problems.Add($"edge-service exited with {exit} on SIGTERM");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Done in {_clock.Elapsed.TotalSeconds:0} s. In {outputs}: keyimage.png, summaries.json, edge-service.log, edge.json")).ConfigureAwait(false);
            foreach (string problem in problems)
            {
                await error.WriteLineAsync($"edgectl demo: {problem}").ConfigureAwait(false);
            }

            return problems.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"edgectl demo: not finished within {options.Timeout.TotalMinutes:0.#} minutes (step {_step} of {Steps}){ServiceTail(service)}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or DicomAssociationException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            await error.WriteLineAsync($"edgectl demo: step {_step + 1} failed: {ex.Message}{(ex is InvalidOperationException or TimeoutException ? string.Empty : ServiceTail(service))}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            inbox?.Dispose();
            service?.Dispose();
            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }

            if (!options.Keep)
            {
                TryDelete(workspace);
            }
        }
    }

    private async Task Step(string text)
    {
        _step++;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{_step}/{Steps}] {text}  ({_clock.Elapsed.TotalSeconds:0.0} s)")).ConfigureAwait(false);
    }

    private static string WriteConfiguration(string workspace, string outputs, int dicomPort, int brokerPort, string models, string secret)
    {
        var config = new JsonObject
        {
            ["Device"] = new JsonObject { ["Id"] = Device, ["Site"] = Site, ["HmacSecret"] = secret },
            // A dev machine's disk decides nothing here: the two series need about 30 MB.
            ["Dicom"] = new JsonObject { ["AeTitle"] = AeTitle, ["Port"] = dicomPort, ["MinimumFreeDiskBytes"] = 64L << 20 },
            ["Storage"] = new JsonObject { ["Root"] = Path.Combine(workspace, "data") },
            ["Control"] = new JsonObject { ["Socket"] = Path.Combine(workspace, "edge.sock") },
            // Both series arrive within a second of each other on one association; 2 s of quiet is plenty here.
            ["Completion"] = new JsonObject { ["QuietTime"] = "00:00:02" },
            ["Mqtt"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = brokerPort, ["HeartbeatSeconds"] = 10, ["ReconnectMaxDelaySeconds"] = 2 },
            ["Inference"] = new JsonObject { ["ModelsDirectory"] = models },
        };
        string path = Path.Combine(outputs, "edge.json");
        byte[] bytes = JsonConfig.Serialize(config);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task SendAsync(IReadOnlyList<DemoPhantom> phantoms, int port, CancellationToken cancellationToken)
    {
        string[] files = [.. phantoms.SelectMany(p => Directory.GetFiles(p.Directory, "*.dcm").Order(StringComparer.Ordinal))];
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StoreResult> results;
        using (var progress = new TerminalProgress("      sending", files.Length, error))
        {
            results = await new DicomClient(new DicomClientOptions { CallingAeTitle = "DEMO_CT" })
                .SendAsync(new DicomPeer("127.0.0.1", port, AeTitle), files, new StepProgress(progress), cancellationToken).ConfigureAwait(false);
        }

        StoreResult? failed = results.FirstOrDefault(r => !r.Succeeded);
        if (failed is not null)
        {
            throw new InvalidOperationException($"C-STORE failed: {failed}");
        }

        double megabytes = results.Sum(r => r.Bytes) / 1048576.0;
        await Step(string.Create(CultureInfo.InvariantCulture,
            $"sent both over DICOM (C-STORE from DEMO_CT to {AeTitle}@127.0.0.1:{port}): {results.Count} instances, {megabytes:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s, each acknowledged only once on disk")).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<EdgeSummary>> WaitForSummariesAsync(SummaryInbox inbox, ServiceChild service, IEnumerable<string> seriesKeys,
        CancellationToken cancellationToken)
    {
        string[] wanted = [.. seriesKeys];
        using var waiting = new TerminalProgress("      waiting for the screening results (series completion, volume assembly, inference)", 0, error);
        while (true)
        {
            EdgeSummary[] arrived = [.. inbox.Summaries.Where(s => wanted.Contains(s.SeriesKey)).DistinctBy(s => s.SeriesKey)];
            waiting.Report(arrived.Length);
            if (arrived.Length == wanted.Length)
            {
                return arrived;
            }

            if (service.HasExited)
            {
                throw new InvalidOperationException($"edge-service exited with code {service.ExitCode} before both results were published:\n{service.Tail(20)}");
            }

            waiting.Tick();
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(SummaryInbox inbox, DemoPhantom withLesion, DemoPhantom clean)
    {
        int alerts = inbox.Alerts.Count;
        int statuses = inbox.Messages.Count(m => m.Topic.EndsWith("/status", StringComparison.Ordinal));
        int heartbeats = inbox.Messages.Count(m => m.Topic.EndsWith("/heartbeat", StringComparison.Ordinal));
        string[] leaked = [.. withLesion.Identifiers.Concat(clean.Identifiers).Where(inbox.Contains)];
        string phi = leaked.Length == 0
            ? $"none of the phantoms' patient names, patient IDs or UIDs is in any of the {inbox.Messages.Count} messages on the broker"
            : "LEAKED: " + string.Join(", ", leaked);
        return string.Create(CultureInfo.InvariantCulture,
            $"    Also on the broker: {alerts} alert(s) (published at once for a suspicious series), {statuses} status message(s) (retained 'online'), {heartbeats} heartbeat(s).\n    PHI check: {phi}.");
    }

    private static async Task WriteSummariesAsync(SummaryInbox inbox, string outputs)
    {
        var array = new JsonArray();
        foreach ((string topic, byte[] payload) in inbox.Messages.Where(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal) || m.Topic.EndsWith("/alert", StringComparison.Ordinal)))
        {
            array.Add(new JsonObject { ["topic"] = topic, ["payload"] = JsonNode.Parse(payload) });
        }

        await File.WriteAllTextAsync(Path.Combine(outputs, "summaries.json"), array.ToJsonString(JsonConfig.Indented) + "\n").ConfigureAwait(false);
    }

    private async Task WriteKeyImageAsync(EdgeSummary summary, DemoPhantom phantom, ModelPackage package, string outputs, List<string> problems)
    {
        KeyImageFinding[] findings = [.. summary.Models.SelectMany(m => m.Findings)
            .Where(f => f.Location?.CentroidLps is { Count: 3 } && f.MaxDiameterMm is > 0)
            .Select(f => new KeyImageFinding(f.Label, new Vector3D(f.Location!.CentroidLps![0], f.Location.CentroidLps[1], f.Location.CentroidLps[2]),
                f.MaxDiameterMm!.Value, f.VolumeMl, f.Probability, f.Location.Region))];
        if (findings.Length == 0)
        {
            problems.Add("the suspicious summary has no finding with a position to draw");
            await Step("no key image: the result has no finding with a position").ConfigureAwait(false);
            return;
        }

        AlgorithmDescription algorithm = AlgorithmDescription.FromPackage(package);
        string? banner = algorithm.NotForClinicalUse ? ReportingOptions.DefaultBannerText : null;
        KeyImageExport.Written png = KeyImageExport.Write(phantom.Directory, findings, $"{package.Id} {package.Version}", banner, Path.Combine(outputs, "keyimage.png"));
        Vector3D c = png.Finding.CentroidLps;
        string truth = phantom.Lesion is { } lesion
            ? string.Create(CultureInfo.InvariantCulture, $"; the phantom's lesion is at LPS ({lesion.CentreLps[0]:0.0}, {lesion.CentreLps[1]:0.0}, {lesion.CentreLps[2]:0.0}), {Distance(c, lesion.CentreLps):0.0} mm away")
            : string.Empty;
        await Step(string.Create(CultureInfo.InvariantCulture,
            $"key image {png.Path} ({png.Width}x{png.Height}): slice {png.Slice + 1} of {png.Slices}, the {png.Finding.Label} circled in yellow at LPS ({c.X:0.0}, {c.Y:0.0}, {c.Z:0.0}) mm{(png.Finding.Region is null ? string.Empty : ", pancreas " + png.Finding.Region)}{truth}")).ConfigureAwait(false);
    }

    private static double Distance(Vector3D a, double[] b) => Math.Sqrt(Math.Pow(a.X - b[0], 2) + Math.Pow(a.Y - b[1], 2) + Math.Pow(a.Z - b[2], 2));

    private static string ServiceTail(ServiceChild? service) => service is null ? string.Empty : "\nedge-service's last lines:\n" + service.Tail(15);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; temp is cleaned by the OS.
        }
    }

    /// <summary>Counts each stored instance on the progress line as it is acknowledged.</summary>
    private sealed class StepProgress(TerminalProgress progress) : IProgress<StoreResult>
    {
        public void Report(StoreResult value) => progress.Increment();
    }
}
