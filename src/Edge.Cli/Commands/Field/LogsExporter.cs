using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Cli.Commands.Service;
using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// <c>edgectl logs export FILE</c>: what support needs from a box, safe to e-mail: the service journal, <c>edgectl
/// status</c>, the configuration and its validation, the unit's drop-ins and the system facts, with secrets removed
/// (secret values, never credential file contents) and no patient data (UIDs replaced; results, images and the
/// database are never included).
/// </summary>
internal sealed class LogsExporter(TextWriter output, TextWriter error, TimeProvider time)
{
    /// <summary>32 MiB of journal is weeks of a healthy appliance's log, and a bundle that still fits in an e-mail.</summary>
    public const int MaxJournalChars = 32 << 20;

    /// <summary>journalctl over a week of a busy log takes seconds; a minute means something is wrong with the journal.</summary>
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public sealed record Request(string File, string Since, string? Socket, string ConfigPath, string? JournalFile, string DropInDirectory);

    public async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (!SupportBundle.IsSupportedName(request.File))
        {
            await error.WriteLineAsync($"edgectl logs export: {request.File}: name the bundle .tar.gz, .tgz or .zip").ConfigureAwait(false);
            return 2;
        }

        var redactor = new Redactor();
        var bundle = new SupportBundle();
        var notes = new List<string>();
        DateTimeOffset now = time.GetUtcNow();

        // Configuration first: it names the secrets that must then be blanked everywhere else.
        AddConfiguration(request, bundle, redactor, notes);
        await AddStatusAsync(request.Socket, bundle, notes, cancellationToken).ConfigureAwait(false);
        AddJournal(request, bundle, notes);
        AddSystem(bundle);

        var redacted = new SupportBundle();
        foreach ((string name, string text) in bundle.Files)
        {
            redacted.Add(name, redactor.Text(text));
        }

        redacted.Add("README.txt", Readme(now, request, notes, bundle.Files.Select(f => f.Name)));
        string folder = $"edge-logs-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        long bytes = redacted.Write(request.File, folder, now);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {Path.GetFullPath(request.File)} ({redacted.Files.Count} files, {bytes / 1024.0:0.#} KiB): secrets and DICOM UIDs removed; no images, results or database.")).ConfigureAwait(false);
        foreach (string note in notes)
        {
            await output.WriteLineAsync($"  note: {note}").ConfigureAwait(false);
        }

        return 0;
    }

    private static void AddConfiguration(Request request, SupportBundle bundle, Redactor redactor, List<string> notes)
    {
        string path = Path.GetFullPath(request.ConfigPath);
        JsonObject? site = null;
        try
        {
            site = JsonConfig.Load(path);
            if (site.Count == 0)
            {
                notes.Add($"no configuration file at {path} (the service runs on its defaults)");
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            notes.Add($"{path} could not be read: {ex.Message}");
        }

        if (site is not null)
        {
            // Credential files are read only to learn the values to blank; their contents never enter the bundle.
            foreach (string key in new[] { "Device:HmacSecretFile", "Mqtt:PasswordFile", "Store:PasswordFile" })
            {
                redactor.AddSecretFile(JsonConfig.GetString(site, key));
            }

            bundle.Add("config/edge.json", redactor.Configuration(site).ToJsonString(JsonConfig.Indented) + "\n");
        }

        // What the service would run with: defaults, the site file, EDGE_ variables; and the validator's verdict.
        IConfigurationRoot effective;
        try
        {
            effective = EdgeConfiguration.Build([], path);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            bundle.Add("config/validation.txt", $"the configuration cannot be read: {ex.Message}\n");
            return;
        }

        var listing = new StringBuilder();
        foreach ((string key, string? value) in effective.AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            string name = key[(key.LastIndexOf(':') + 1)..];
            if (Redactor.IsSecretKey(name))
            {
                redactor.AddSecret(value);
                listing.Append(key).Append(" = ").AppendLine(Redactor.Mark);
            }
            else
            {
                listing.Append(key).Append(" = ").AppendLine(value);
            }
        }

        bundle.Add("config/effective.txt", listing.ToString());
        ConfigurationReport report = EdgeConfigurationValidator.Validate(effective, out _, forService: false);
        var validation = new StringBuilder(report.IsValid ? "valid\n" : $"INVALID: {report.Errors.Count} error(s)\n");
        foreach (string line in report.Errors)
        {
            validation.Append("error: ").AppendLine(line);
        }

        foreach (string line in report.Warnings)
        {
            validation.Append("warning: ").AppendLine(line);
        }

        bundle.Add("config/validation.txt", validation.ToString());
        if (Directory.Exists(request.DropInDirectory))
        {
            foreach (string dropIn in Directory.GetFiles(request.DropInDirectory, "*.conf").Order(StringComparer.Ordinal))
            {
                bundle.Add($"config/edge.service.d/{Path.GetFileName(dropIn)}", File.ReadAllText(dropIn));
            }
        }
    }

    private static async Task AddStatusAsync(string? socket, SupportBundle bundle, List<string> notes, CancellationToken cancellationToken)
    {
        using var table = new StringWriter(CultureInfo.InvariantCulture);
        using var json = new StringWriter(CultureInfo.InvariantCulture);
        using var problem = new StringWriter(CultureInfo.InvariantCulture);
        int code = await StatusCommand.RunAsync(socket, json: false, table, problem, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            bundle.Add("status.txt", problem.ToString());
            notes.Add("edge-service did not answer: " + problem.ToString().Trim());
            return;
        }

        await StatusCommand.RunAsync(socket, json: true, json, problem, cancellationToken).ConfigureAwait(false);
        bundle.Add("status.txt", table.ToString());
        bundle.Add("status.json", json.ToString());
    }

    private static void AddJournal(Request request, SupportBundle bundle, List<string> notes)
    {
        if (request.JournalFile is { } file)
        {
            if (!File.Exists(file))
            {
                notes.Add($"--journal {file}: no such file");
                return;
            }

            string text = File.ReadAllText(file);
            bundle.Add("journal.txt", text.Length > MaxJournalChars ? text[^MaxJournalChars..] : text);
            return;
        }

        (bool ran, int exitCode, string journal) = ExternalTool.Run("journalctl",
            ["-u", "edge", "--since", request.Since, "--no-pager", "--output", "short-iso-precise"], ToolTimeout, MaxJournalChars);
        bundle.Add("journal.txt", journal);
        if (!ran || exitCode != 0)
        {
            notes.Add(ran ? $"journalctl exited with {exitCode}" : "journalctl is not available: no journal in the bundle");
        }
    }

    private static void AddSystem(SupportBundle bundle)
    {
        var text = new StringBuilder();
        void Section(string title, string body) => text.Append("== ").AppendLine(title).AppendLine(body.TrimEnd()).AppendLine();
        Section("edgectl", $"{typeof(LogsExporter).Assembly.GetName().Version} on .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}");
        Section("uname -a", ExternalTool.Run("uname", ["-a"], ToolTimeout, 4096).Output);
        foreach (string file in new[] { "/etc/os-release", "/etc/nv_tegra_release" })
        {
            if (File.Exists(file))
            {
                Section(file, File.ReadAllText(file));
            }
        }

        if (File.Exists("/proc/meminfo"))
        {
            Section("/proc/meminfo", string.Join('\n', File.ReadLines("/proc/meminfo").Take(5)));
        }

        Section("df -h", ExternalTool.Run("df", ["-h", "-x", "tmpfs", "-x", "devtmpfs"], ToolTimeout, 16384).Output);
        Section("systemctl status edge", ExternalTool.Run("systemctl", ["status", "edge", "--no-pager", "--lines", "0"], ToolTimeout, 16384).Output);
        bundle.Add("system.txt", text.ToString());
    }

    private static string Readme(DateTimeOffset now, Request request, List<string> notes, IEnumerable<string> names)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Edge support bundle, {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (edgectl logs export).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Journal since: {request.Since}. Configuration: {request.ConfigPath}.");
        text.AppendLine("Secrets (passwords, keys, the HMAC secret) are replaced by <redacted>, DICOM UIDs by <uid>.");
        text.AppendLine("Never included: images, results, the database, credential file contents.");
        text.AppendLine();
        foreach (string name in names)
        {
            text.AppendLine(name);
        }

        foreach (string note in notes)
        {
            text.AppendLine("note: " + note);
        }

        return text.ToString();
    }
}
