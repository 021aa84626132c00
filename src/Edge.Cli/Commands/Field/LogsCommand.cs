using System.CommandLine;
using Edge.Service.Configuration;

namespace Edge.Cli.Commands.Field;

/// <summary><c>edgectl logs export FILE [--since TIME]</c>: a support bundle without secrets or patient data.</summary>
internal static class LogsCommand
{
    public const string DropInDirectory = "/etc/systemd/system/edge.service.d";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Bundle to write: NAME.tar.gz or NAME.zip" };
        var since = new Option<string>("--since") { Description = "Journal from this time on (journalctl syntax: '3 days ago', '2026-05-01')", DefaultValueFactory = _ => "7 days ago" };
        var socket = new Option<string?>("--socket") { Description = "Control socket of edge-service (as for edgectl status)" };
        var config = new Option<string>("--config") { Description = "Configuration file", DefaultValueFactory = _ => EdgeConfiguration.SiteFile };
        var journal = new Option<string?>("--journal") { Description = "A saved log to include instead of the systemd journal (a box without systemd)" };
        var export = new Command("export", "Write a support bundle: journal, status, configuration (secrets and UIDs removed)") { file, since, socket, config, journal };
        export.SetAction((r, ct) => new LogsExporter(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, TimeProvider.System).RunAsync(
            new LogsExporter.Request(r.GetValue(file)!, r.GetValue(since)!, r.GetValue(socket), r.GetValue(config)!, r.GetValue(journal), DropInDirectory), ct));
        return new Command("logs", "Logs for support") { export };
    }
}
