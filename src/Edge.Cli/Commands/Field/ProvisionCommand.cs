using System.CommandLine;
using Edge.Cli.Terminal;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// <c>edgectl provision</c>: sets up a new box: identity, DICOM, PACS, MQTT with its certificates, the HMAC secret and a
/// device profile. On a terminal it asks for whatever the flags leave out (defaults: what the box has now); with
/// <c>--yes</c>, or in a script, it never asks.
/// </summary>
internal static class ProvisionCommand
{
    public static Command Create()
    {
        var deviceId = new Option<string?>("--device-id") { Description = "Device id, unique within the site: one MQTT topic level (A-Z a-z 0-9 . _ -)" };
        var site = new Option<string?>("--site") { Description = "Site id: one MQTT topic level" };
        var aeTitle = new Option<string?>("--ae-title") { Description = "Our AE title (default EDGE)" };
        var port = new Option<int?>("--port") { Description = "DICOM port (default 104)" };
        var allow = new Option<string[]>("--allow") { Description = "A modality allowed to send, AE or AE@host; repeat for each (none given: any)", AllowMultipleArgumentsPerToken = true };
        var pacs = new Option<string?>("--pacs") { Description = "PACS destination for originals and results, AE@host:port, or 'none'" };
        var mqttHost = new Option<string?>("--mqtt-host") { Description = "MQTT broker host, or 'none' (summaries wait on the box)" };
        var mqttPort = new Option<int?>("--mqtt-port") { Description = "MQTT broker port (default 8883 with TLS, 1883 without)" };
        var mqttCa = new Option<string?>("--mqtt-ca") { Description = "PEM file of the private CA that signed the broker (turns TLS on)" };
        var mqttCert = new Option<string?>("--mqtt-cert") { Description = "PEM file of this device's client certificate" };
        var mqttKey = new Option<string?>("--mqtt-key") { Description = "PEM file of this device's private key" };
        var profile = new Option<string?>("--profile") { Description = "Device profile name (jetson-orin-nano, jetson-agx-orin, x86-dgpu, cpu-only) or a profile .json file" };
        var newSecret = new Option<bool>("--new-secret") { Description = "Replace the existing HMAC secret (study/series keys change from then on)" };
        var config = new Option<string>("--config") { Description = "Configuration file to write", DefaultValueFactory = _ => ProvisionRequest.DefaultConfigPath };
        var dropIn = new Option<string>("--dropin") { Description = "systemd drop-in for the profile's memory limit", DefaultValueFactory = _ => ProvisionRequest.DefaultDropInPath };
        var yes = new Option<bool>("--yes", "-y") { Description = "Never ask: use the flags and the current file only" };
        var command = new Command("provision", "Provision this box: identity, DICOM, PACS, MQTT and certificates, HMAC secret, device profile")
        {
            deviceId, site, aeTitle, port, allow, pacs, mqttHost, mqttPort, mqttCa, mqttCert, mqttKey, profile, newSecret, config, dropIn, yes,
        };
        command.SetAction(r =>
        {
            var request = new ProvisionRequest
            {
                ConfigPath = r.GetValue(config)!,
                DropInPath = r.GetValue(dropIn)!,
                DeviceId = r.GetValue(deviceId),
                Site = r.GetValue(site),
                AeTitle = r.GetValue(aeTitle),
                Port = r.GetValue(port),
                AllowedModalities = r.GetValue(allow) is { Length: > 0 } a ? a : null,
                Pacs = r.GetValue(pacs),
                MqttHost = r.GetValue(mqttHost),
                MqttPort = r.GetValue(mqttPort),
                MqttCaFile = r.GetValue(mqttCa),
                MqttCertFile = r.GetValue(mqttCert),
                MqttKeyFile = r.GetValue(mqttKey),
                Profile = r.GetValue(profile),
                NewSecret = r.GetValue(newSecret),
            };
            bool interactive = !r.GetValue(yes) && TerminalDetect.CanPrompt;
            return new Provisioner(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, TimeProvider.System)
                .Run(request, interactive ? new ConsolePrompter() : null);
        });
        return command;
    }
}
