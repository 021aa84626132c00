using System.Diagnostics;
using System.Globalization;
using Edge.Cli.Control;
using Edge.Cli.Terminal;
using Edge.Service.Configuration;
using Edge.Service.Control.Contracts;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>
/// <c>edgectl selftest</c>: every check a field engineer needs before leaving a box, in order, each independent of the
/// others' outcome where it can be: configuration, storage, models, a warm-up inference, the execution provider,
/// C-ECHO to this box and to the PACS, and an MQTT round trip. The running service's own view (its control API) is
/// used where it is the authority (data directory, provider in use); the configuration otherwise.
/// </summary>
internal sealed partial class SelftestRunner(TextWriter progressWriter)
{
    /// <summary>Where the packaged unit keeps data (StateDirectory=edge) when Storage:Root is not configured.</summary>
    public const string InstalledDataRoot = "/var/lib/edge";

    private readonly List<CheckResult> _results = [];
    private IConfigurationRoot? _configuration;
    private EdgeSettings? _settings;
    private StatusResponse? _status;

    public IReadOnlyList<CheckResult> Results => _results;

    public async Task<IReadOnlyList<CheckResult>> RunAsync(SelftestRequest request, CancellationToken cancellationToken)
    {
        using var progress = new TerminalProgress("selftest", 0, progressWriter);
        progress.Describe("selftest: configuration");
        Check("configuration", () => CheckConfiguration(request));
        _status = await ReadStatusAsync(request, cancellationToken).ConfigureAwait(false);

        progress.Describe("selftest: storage");
        Check("storage", CheckStorage);
        progress.Describe("selftest: model packages");
        using ModelCheck models = new(_settings);
        Check("model packages", models.Load);
        progress.Describe("selftest: warm-up inference on a phantom");
        Check("warm-up inference", () => models.WarmUp(cancellationToken));
        Check("execution provider", () => models.Provider(_status));

        progress.Describe("selftest: DICOM C-ECHO to this box");
        await CheckAsync("DICOM C-ECHO, this box", () => EchoSelfAsync(request, cancellationToken)).ConfigureAwait(false);
        foreach (IConfigurationSection destination in Destinations())
        {
            string name = destination["Name"] is { Length: > 0 } n ? n : "destination " + destination.Key;
            progress.Describe($"selftest: DICOM C-ECHO to {name}");
            await CheckAsync($"DICOM C-ECHO, {name}", () => EchoDestinationAsync(destination, request, cancellationToken)).ConfigureAwait(false);
        }

        if (!Destinations().Any())
        {
            _results.Add(new CheckResult("DICOM C-ECHO, PACS", CheckOutcome.Warn, "no destination configured (Destinations:0): originals and results are not forwarded", 0));
        }

        progress.Describe("selftest: MQTT round trip");
        await CheckAsync("MQTT round trip", () => MqttRoundTripAsync(request, cancellationToken)).ConfigureAwait(false);
        return _results;
    }

    private void Check(string name, Func<(CheckOutcome, string)> check)
    {
        var clock = Stopwatch.StartNew();
        (CheckOutcome outcome, string detail) = Guarded(check);
        _results.Add(new CheckResult(name, outcome, detail, clock.Elapsed.TotalMilliseconds));
    }

    private async Task CheckAsync(string name, Func<Task<(CheckOutcome, string)>> check)
    {
        var clock = Stopwatch.StartNew();
        (CheckOutcome, string) result;
        try
        {
            result = await check().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result = (CheckOutcome.Fail, $"{ex.GetType().Name}: {ex.Message}");
        }

        _results.Add(new CheckResult(name, result.Item1, result.Item2, clock.Elapsed.TotalMilliseconds));
    }

    /// <summary>A check that throws fails with the reason; the self-test goes on to the next.</summary>
    private static (CheckOutcome, string) Guarded(Func<(CheckOutcome, string)> check)
    {
        try
        {
            return check();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (CheckOutcome.Fail, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private (CheckOutcome, string) CheckConfiguration(SelftestRequest request)
    {
        string file = request.ConfigPath is { } path ? Path.GetFullPath(path) : EdgeConfiguration.SiteFile;
        if (!File.Exists(file))
        {
            return (CheckOutcome.Fail, $"{file} does not exist: run edgectl provision");
        }

        _configuration = EdgeConfiguration.Build([], file);
        ConfigurationReport report = EdgeConfigurationValidator.Validate(_configuration, out _settings, forService: false);
        if (!report.IsValid)
        {
            _settings = null;
            return (CheckOutcome.Fail, $"{file}: {report.Errors.Count} error(s): {string.Join("; ", report.Errors)}");
        }

        if (_settings!.Device.Id == "unprovisioned" || _settings.Device.Site == "unprovisioned")
        {
            return (CheckOutcome.Fail, $"{file} is valid but the box is not provisioned (Device:Id, Device:Site): run edgectl provision");
        }

        string warnings = report.Warnings.Count == 0 ? string.Empty : $"; {report.Warnings.Count} warning(s): {string.Join("; ", report.Warnings)}";
        return (CheckOutcome.Pass, $"{file} valid; device {_settings.Device.Site}/{_settings.Device.Id}{warnings}");
    }

    private async Task<StatusResponse?> ReadStatusAsync(SelftestRequest request, CancellationToken cancellationToken)
    {
        string socket = request.Socket is { } s ? Path.GetFullPath(s) : _settings?.ControlSocket ?? ControlSocketPath.Resolve(null);
        using var client = new ControlClient(socket);
        try
        {
            return await client.GetAsync<StatusResponse>("status", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ServiceUnavailableException or ControlApiException)
        {
            return null;
        }
    }

    private (CheckOutcome, string) CheckStorage()
    {
        if (_settings is null)
        {
            return (CheckOutcome.Fail, "not checked: the configuration is not usable");
        }

        string root = _status?.Storage.DataRoot
            ?? (_configuration?["Storage:Root"] is null && Directory.Exists(InstalledDataRoot) ? InstalledDataRoot : _settings.DataRoot);
        if (!Directory.Exists(root))
        {
            return (CheckOutcome.Fail, $"{root} does not exist (the service creates it at its first start)");
        }

        string probe = Path.Combine(root, $".selftest-{Environment.ProcessId}");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose))
            {
                stream.Write(new byte[4096]);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (CheckOutcome.Fail, $"{root} is not writable by {Environment.UserName} ({ex.Message}); run as root or as the edge user");
        }

        long free = new DriveInfo(root).AvailableFreeSpace;
        long minimum = _settings.Dicom.MinimumFreeDiskBytes;
        string figures = string.Create(CultureInfo.InvariantCulture, $"{free / 1073741824.0:0.0} GiB free, the receiver refuses images below {minimum / 1073741824.0:0.##} GiB");
        return free < minimum
            ? (CheckOutcome.Fail, $"{root} writable, but only {figures}")
            : (CheckOutcome.Pass, $"{root} writable; {figures}");
    }

    private IEnumerable<IConfigurationSection> Destinations() =>
        _configuration?.GetSection("Destinations").GetChildren().Where(d => d["Host"] is { Length: > 0 }) ?? [];
}
