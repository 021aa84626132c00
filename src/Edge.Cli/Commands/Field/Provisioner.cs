using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Edge.IO;
using Edge.Service.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// Does what <c>edgectl provision</c> promises: resolves the answers (flags, then prompts, then what the file already
/// says), writes the HMAC secret and the broker's TLS files beside the configuration, merges the device profile, and
/// replaces edge.json atomically, only after the result passed the same validator edge-service runs at start. The
/// previous file is kept as a backup. Exit codes: 0 done, 1 the result would be invalid (nothing replaced), 2 bad input.
/// </summary>
internal sealed class Provisioner(TextWriter output, TextWriter error, TimeProvider time, string? profilesDirectory = null)
{
    public const string SecretFileName = "hmac-secret";
    public const string TlsFolder = "mqtt";

    /// <summary>Values written by the packaged edge.json that mean "not provisioned yet"; never offered as a default.</summary>
    private static readonly string[] Placeholders = ["unprovisioned", "dev"];

    public int Run(ProvisionRequest request, IProvisionPrompter? prompter)
    {
        string configPath = Path.GetFullPath(request.ConfigPath);
        JsonObject config;
        try
        {
            config = JsonConfig.Load(configPath);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl provision: cannot read {configPath}: {ex.Message}");
            return 2;
        }

        var problems = new List<string>();
        ProvisionRequest answers = prompter is null ? request : Ask(request, config, prompter, profilesDirectory);
        DeviceProfile? profile = LoadProfile(answers.Profile, problems);
        CheckAnswers(answers, config, problems);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                error.WriteLine($"edgectl provision: {problem}");
            }

            return 2;
        }

        string configDirectory = Path.GetDirectoryName(configPath)!;
        (int Uid, int Gid)? account = ServiceAccount.Find();
        var report = new List<(string What, string Detail)>();

        // Files this run creates (secret, TLS copies); removed again if the run fails, so a refused run changes nothing.
        var created = new List<string>();
        try
        {
            if (profile is not null)
            {
                JsonConfig.Merge(config, profile.Settings);
            }

            ApplyIdentity(answers, config);
            report.Add(("device", $"{JsonConfig.GetString(config, "Device:Site")}/{JsonConfig.GetString(config, "Device:Id")}"));
            report.Add(("DICOM", ApplyDicom(answers, config)));
            report.Add(("PACS", ApplyPacs(answers, config)));
            report.Add(("MQTT", ApplyMqtt(answers, config, configDirectory, account, created)));
            report.Add(("HMAC secret", ApplySecret(answers, config, configDirectory, account, created)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
        {
            error.WriteLine($"edgectl provision: {ex.Message}");
            Remove(created);
            return 2;
        }

        // Validate the exact bytes that will become edge.json, from the temporary file that is then renamed into place.
        string temporary = AtomicFile.WriteTemporary(configPath, JsonConfig.Serialize(config), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        string? backup;
        try
        {
            ConfigurationReport validation = EdgeConfigurationValidator.Validate(EdgeConfiguration.FromFile(temporary), out _, forService: false);
            foreach (string warning in validation.Warnings)
            {
                error.WriteLine($"edgectl provision: warning: {warning}");
            }

            if (!validation.IsValid)
            {
                error.WriteLine($"edgectl provision: the result would be invalid; {configPath} is unchanged ({validation.Errors.Count} error(s)):");
                foreach (string problem in validation.Errors)
                {
                    error.WriteLine($"  {problem}");
                }

                File.Delete(temporary);
                Remove(created);
                return 1;
            }

            backup = FileBackup.Backup(configPath, time.GetUtcNow());
            ServiceAccount.Own(temporary, account, userToo: false);
            AtomicFile.Commit(temporary, configPath);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        report.Insert(0, ("configuration", backup is null ? $"{configPath} (valid)" : $"{configPath} (valid; the previous one is {backup})"));
        if (profile is not null)
        {
            SystemdDropIn.Write(request.DropInPath, profile, time.GetUtcNow());
            report.Add(("profile", $"{profile.Name}: {profile.Description}"));
            report.Add(("memory", $"MemoryMax={profile.MemoryMax} in {Path.GetFullPath(request.DropInPath)}"));
        }

        output.WriteLine($"Provisioned {report.First(r => r.What == "device").Detail}:");
        foreach ((string what, string detail) in report.Where(r => r.What != "device"))
        {
            output.WriteLine($"  {what,-14}{detail}");
        }

        output.WriteLine("Next: systemctl daemon-reload && systemctl restart edge; then edgectl selftest");
        return 0;
    }

    private static void Remove(List<string> created)
    {
        foreach (string file in created)
        {
            File.Delete(file);
        }
    }

    private static ProvisionRequest Ask(ProvisionRequest request, JsonObject config, IProvisionPrompter prompter, string? profilesDirectory)
    {
        string? Current(string key) => JsonConfig.GetString(config, key) is { Length: > 0 } v && !Placeholders.Contains(v) ? v : null;

        string deviceId = request.DeviceId ?? prompter.Ask("Device id (e.g. ct-1)", Current("Device:Id"), v => ProvisionChecks.Level(v, "device id"));
        string site = request.Site ?? prompter.Ask("Site id (e.g. clinic-a)", Current("Device:Site"), v => ProvisionChecks.Level(v, "site id"));
        string ae = request.AeTitle ?? prompter.Ask("Our AE title", Current("Dicom:AeTitle") ?? "EDGE", ProvisionChecks.AeTitle);
        int port = request.Port ?? int.Parse(prompter.Ask("DICOM port", Current("Dicom:Port") ?? "104", ProvisionChecks.Port), CultureInfo.InvariantCulture);
        IReadOnlyList<string> allowed = request.AllowedModalities ?? ProvisionChecks.SplitList(prompter.Ask(
            "Modalities allowed to send, AE@host, comma-separated (empty: any)",
            Get(config, "Dicom:AllowedCallingAeTitles") is JsonArray a && a.Count > 0 ? string.Join(", ", a.Select(n => n?.GetValue<string>())) : null,
            ProvisionChecks.Modalities));
        string pacs = request.Pacs ?? prompter.Ask("PACS destination AE@host:port (empty: none)", CurrentPacs(config), ProvisionChecks.Pacs);
        string mqttHost = request.MqttHost ?? prompter.Ask("MQTT broker host (empty: keep summaries on this box)", Current("Mqtt:Host"), ProvisionChecks.Host);
        ProvisionRequest answered = request with
        {
            DeviceId = deviceId, Site = site, AeTitle = ae, Port = port, AllowedModalities = allowed,
            Pacs = pacs.Length == 0 ? "none" : pacs, MqttHost = mqttHost.Length == 0 ? "none" : mqttHost,
        };
        if (mqttHost.Length > 0)
        {
            answered = answered with
            {
                MqttPort = request.MqttPort ?? int.Parse(prompter.Ask("MQTT broker port", Current("Mqtt:Port") ?? "8883", ProvisionChecks.Port), CultureInfo.InvariantCulture),
                MqttCaFile = request.MqttCaFile ?? Blank(prompter.Ask("Broker CA certificate, PEM (empty: no TLS)", Current("Mqtt:Tls:CaFile"), ProvisionChecks.ExistingFile)),
            };
            if (answered.MqttCaFile is not null)
            {
                answered = answered with
                {
                    MqttCertFile = request.MqttCertFile ?? Blank(prompter.Ask("Device certificate, PEM", Current("Mqtt:Tls:CertFile"), ProvisionChecks.ExistingFile)),
                    MqttKeyFile = request.MqttKeyFile ?? Blank(prompter.Ask("Device private key, PEM", Current("Mqtt:Tls:KeyFile"), ProvisionChecks.ExistingFile)),
                };
            }
        }

        IReadOnlyList<string> profiles = DeviceProfileCatalog.Names(profilesDirectory);
        if (request.Profile is null && profiles.Count > 0)
        {
            const string Keep = "(keep the current settings)";
            string chosen = prompter.Choose("Device profile", [.. profiles, Keep], null);
            answered = answered with { Profile = chosen == Keep ? null : chosen };
        }

        return answered;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static JsonNode? Get(JsonObject config, string key) => JsonConfig.Get(config, key);

    private static string? CurrentPacs(JsonObject config) =>
        JsonConfig.GetString(config, "Destinations:0:AeTitle") is { } ae && JsonConfig.GetString(config, "Destinations:0:Host") is { } host
            && JsonConfig.GetString(config, "Destinations:0:Port") is { } port
            ? $"{ae}@{host}:{port}"
            : null;

    private DeviceProfile? LoadProfile(string? name, List<string> problems)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return DeviceProfileCatalog.Find(name, profilesDirectory);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or System.Text.Json.JsonException or IOException)
        {
            problems.Add($"--profile: {ex.Message}");
            return null;
        }
    }

    private static void CheckAnswers(ProvisionRequest r, JsonObject config, List<string> problems)
    {
        void Check(string flag, string? value, Func<string, string?> check)
        {
            if (value is not null && check(value) is { } problem)
            {
                problems.Add($"{flag}: {problem}");
            }
        }

        bool Unset(string key) => JsonConfig.GetString(config, key) is not { Length: > 0 } v || Placeholders.Contains(v);
        if (r.DeviceId is null && Unset("Device:Id"))
        {
            problems.Add("--device-id: is required (this box has no device id yet)");
        }

        if (r.Site is null && Unset("Device:Site"))
        {
            problems.Add("--site: is required (this box has no site id yet)");
        }

        Check("--device-id", r.DeviceId, v => ProvisionChecks.Level(v, "device id"));
        Check("--site", r.Site, v => ProvisionChecks.Level(v, "site id"));
        Check("--ae-title", r.AeTitle, ProvisionChecks.AeTitle);
        Check("--port", r.Port?.ToString(CultureInfo.InvariantCulture), ProvisionChecks.Port);
        foreach (string entry in r.AllowedModalities ?? [])
        {
            Check("--allow", entry, ProvisionChecks.Modality);
        }

        Check("--pacs", r.Pacs, ProvisionChecks.Pacs);
        Check("--mqtt-host", r.MqttHost, ProvisionChecks.Host);
        Check("--mqtt-port", r.MqttPort?.ToString(CultureInfo.InvariantCulture), ProvisionChecks.Port);
        Check("--mqtt-ca", r.MqttCaFile, ProvisionChecks.ExistingFile);
        Check("--mqtt-cert", r.MqttCertFile, ProvisionChecks.ExistingFile);
        Check("--mqtt-key", r.MqttKeyFile, ProvisionChecks.ExistingFile);
        if ((r.MqttCertFile is null) != (r.MqttKeyFile is null))
        {
            problems.Add("--mqtt-cert and --mqtt-key: give both (the device's certificate and its private key)");
        }

        if (r.MqttCertFile is not null && r.MqttCaFile is null && JsonConfig.GetString(config, "Mqtt:Tls:CaFile") is null)
        {
            problems.Add("--mqtt-ca: is required with a client certificate (the private CA that signed the broker)");
        }
    }

    private static void ApplyIdentity(ProvisionRequest r, JsonObject config)
    {
        if (r.DeviceId is not null)
        {
            JsonConfig.Set(config, "Device:Id", r.DeviceId);
        }

        if (r.Site is not null)
        {
            JsonConfig.Set(config, "Device:Site", r.Site);
        }
    }

    private static string ApplyDicom(ProvisionRequest r, JsonObject config)
    {
        if (r.AeTitle is not null)
        {
            JsonConfig.Set(config, "Dicom:AeTitle", r.AeTitle);
        }

        if (r.Port is { } port)
        {
            JsonConfig.Set(config, "Dicom:Port", port);
        }

        if (r.AllowedModalities is { } allowed)
        {
            JsonConfig.Set(config, "Dicom:AllowedCallingAeTitles", new JsonArray([.. allowed.Select(a => (JsonNode)JsonValue.Create(a))]));
        }

        JsonArray? list = JsonConfig.Get(config, "Dicom:AllowedCallingAeTitles") as JsonArray;
        string accepts = list is { Count: > 0 } ? "accepts " + string.Join(", ", list.Select(n => n?.ToString())) : "accepts ANY calling AE (no allow-list)";
        return $"{JsonConfig.GetString(config, "Dicom:AeTitle") ?? "EDGE"} on port {JsonConfig.GetString(config, "Dicom:Port") ?? "11112"}; {accepts}";
    }

    private static string ApplyPacs(ProvisionRequest r, JsonObject config)
    {
        if (r.Pacs == "none")
        {
            JsonConfig.Set(config, "Destinations", null);
        }
        else if (r.Pacs is not null && PacsAddress.TryParse(r.Pacs, out PacsAddress? pacs, out _))
        {
            // The keys of issue 8's forwarding destinations: Destinations:N:Name/AeTitle/Host/Port.
            JsonConfig.Set(config, "Destinations", new JsonArray(new JsonObject
            {
                ["Name"] = "pacs",
                ["AeTitle"] = pacs!.AeTitle,
                ["Host"] = pacs.Host,
                ["Port"] = pacs.Port,
            }));
        }

        return CurrentPacs(config) ?? "none (originals are not forwarded)";
    }

    private static string ApplyMqtt(ProvisionRequest r, JsonObject config, string configDirectory, (int Uid, int Gid)? account, List<string> created)
    {
        if (r.MqttHost == "none")
        {
            JsonConfig.Set(config, "Mqtt:Host", string.Empty);
            JsonConfig.Set(config, "Mqtt:Tls:Enabled", false);
            return "off (summaries wait in the outbox until a broker is configured)";
        }

        if (r.MqttHost is not null)
        {
            JsonConfig.Set(config, "Mqtt:Host", r.MqttHost);
        }

        if (r.MqttPort is { } port)
        {
            JsonConfig.Set(config, "Mqtt:Port", port);
        }

        string directory = Path.Combine(configDirectory, TlsFolder);
        if (r.MqttCaFile is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(r.MqttCaFile);
            if (roots.Count == 0)
            {
                throw new InvalidDataException($"--mqtt-ca: {r.MqttCaFile} holds no PEM certificate");
            }

            JsonConfig.Set(config, "Mqtt:Tls:Enabled", true);
            JsonConfig.Set(config, "Mqtt:Tls:CaFile", Install(r.MqttCaFile, directory, "ca.pem", secret: false, account, created));
        }

        if (r.MqttCertFile is not null && r.MqttKeyFile is not null)
        {
            // Refuse a certificate and key that do not belong together now, not at the first connection attempt.
            X509Certificate2 pair;
            try
            {
                pair = X509Certificate2.CreateFromPemFile(r.MqttCertFile, r.MqttKeyFile);
            }
            catch (ArgumentException ex)
            {
                // .NET says "the provided key does not match the public key for this certificate".
                throw new InvalidDataException($"--mqtt-key: {r.MqttKeyFile} is not the private key of {r.MqttCertFile} ({ex.Message})", ex);
            }

            using (pair)
            {
                if (pair.NotAfter < DateTime.Now)
                {
                    throw new InvalidDataException($"--mqtt-cert: {r.MqttCertFile} expired on {pair.NotAfter:yyyy-MM-dd}");
                }
            }

            JsonConfig.Set(config, "Mqtt:Tls:CertFile", Install(r.MqttCertFile, directory, "client.pem", secret: false, account, created));
            JsonConfig.Set(config, "Mqtt:Tls:KeyFile", Install(r.MqttKeyFile, directory, "client.key", secret: true, account, created));
        }

        if (r.Site is not null && r.DeviceId is not null)
        {
            // Unique per broker across the fleet, and the same identity as the certificate's CN (firmware-config/broker).
            JsonConfig.Set(config, "Mqtt:ClientId", $"{r.Site}/{r.DeviceId}");
        }

        string host = JsonConfig.GetString(config, "Mqtt:Host") ?? "localhost";
        if (host.Length == 0)
        {
            return "off (summaries wait in the outbox until a broker is configured)";
        }

        bool tls = Get(config, "Mqtt:Tls:Enabled") is JsonValue t && t.TryGetValue(out bool on) && on;
        string portText = JsonConfig.GetString(config, "Mqtt:Port") is { } p && p != "0" ? p : tls ? "8883" : "1883";
        string security = !tls ? "WITHOUT TLS (summaries cross the network in clear text)"
            : JsonConfig.GetString(config, "Mqtt:Tls:CertFile") is { } cert ? $"TLS, client certificate {cert}" : "TLS, no client certificate";
        return $"{host}:{portText}, {security}";
    }

    /// <summary>Copies a credential into the configuration directory (systemd's ProtectHome hides /root and /home from the service).</summary>
    private static string Install(string source, string directory, string name, bool secret, (int Uid, int Gid)? account, List<string> created)
    {
        string target = Path.Combine(directory, name);
        if (Path.GetFullPath(source) == target)
        {
            return target;
        }

        Directory.CreateDirectory(directory);
        if (!File.Exists(target))
        {
            created.Add(target);
        }

        UnixFileMode mode = secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        string temporary = AtomicFile.WriteTemporary(target, File.ReadAllBytes(source), mode);
        ServiceAccount.Own(temporary, account, userToo: secret);
        AtomicFile.Commit(temporary, target);
        return target;
    }

    private static string ApplySecret(ProvisionRequest r, JsonObject config, string configDirectory, (int Uid, int Gid)? account, List<string> created)
    {
        string path = JsonConfig.GetString(config, "Device:HmacSecretFile") is { Length: > 0 } configured
            ? configured
            : Path.Combine(configDirectory, SecretFileName);
        JsonConfig.Set(config, "Device:HmacSecretFile", path);

        // An inline secret sits in a file many people read; the file replaces it.
        JsonConfig.Set(config, "Device:HmacSecret", null);
        if (File.Exists(path) && !r.NewSecret)
        {
            return $"{path} (kept: study and series keys stay comparable with earlier summaries)";
        }

        bool replaced = File.Exists(path);
        if (!replaced)
        {
            created.Add(path);
        }

        // 256 random bits, as hex: the HMAC-SHA256 key that pseudonymises UIDs (see Edge.Sync.DeviceSecret).
        byte[] text = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n");
        string temporary = AtomicFile.WriteTemporary(path, text, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ServiceAccount.Own(temporary, account, userToo: true);
        AtomicFile.Commit(temporary, path);
        return replaced
            ? $"{path} (REPLACED: study and series keys from now on differ from earlier summaries)"
            : $"{path} (new 256-bit secret, mode 0600)";
    }
}
