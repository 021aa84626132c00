using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Edge.Cli.Commands.Service;
using Spectre.Console;

namespace Edge.Cli.Commands.Field.Selftest;

/// <summary>
/// <c>edgectl selftest [--config FILE] [--socket PATH] [--calling-aet AE] [--json]</c>: a pass/fail table; exit 0 only
/// when no check fails (warnings, such as no PACS configured, do not fail it).
/// </summary>
internal static class SelftestCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: the one edge-service reads, /etc/edge/edge.json)" };
        var socket = new Option<string?>("--socket") { Description = "Control socket of edge-service (as for edgectl status)" };
        var calling = new Option<string>("--calling-aet") { Description = "Calling AE for the C-ECHO to this box (an AE its allow-list admits)", DefaultValueFactory = _ => "EDGECTL" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds for each network check", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON" };
        var command = new Command("selftest", "Check this box end to end: configuration, storage, models, inference, provider, DICOM, PACS, MQTT")
        {
            config, socket, calling, timeout, json,
        };
        command.SetAction(async (r, ct) =>
        {
            int seconds = r.GetValue(timeout);
            if (seconds is < 1 or > 600)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"edgectl selftest: --timeout must be 1-600 seconds (was {seconds})").ConfigureAwait(false);
                return 2;
            }

            var request = new SelftestRequest
            {
                ConfigPath = r.GetValue(config),
                Socket = r.GetValue(socket),
                CallingAeTitle = r.GetValue(calling)!,
                TimeoutSeconds = seconds,
            };
            IReadOnlyList<CheckResult> results = await new SelftestRunner(r.InvocationConfiguration.Error).RunAsync(request, ct).ConfigureAwait(false);
            Write(results, r.GetValue(json), r.InvocationConfiguration.Output);
            return results.Any(c => c.Outcome == CheckOutcome.Fail) ? 1 : 0;
        });
        return command;
    }

    internal static void Write(IReadOnlyList<CheckResult> results, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                passed = results.All(c => c.Outcome != CheckOutcome.Fail),
                checks = results.Select(c => new { name = c.Name, outcome = c.Outcome.ToString().ToLowerInvariant(), detail = c.Detail, milliseconds = Math.Round(c.Milliseconds) }),
            }));
            return;
        }

        IAnsiConsole console = ServiceCliOptions.Console(output);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("check").AddColumn("result").AddColumn("detail");
        foreach (CheckResult c in results)
        {
            string outcome = c.Outcome switch
            {
                CheckOutcome.Pass => "[green]PASS[/]",
                CheckOutcome.Warn => "[yellow]WARN[/]",
                _ => "[bold red]FAIL[/]",
            };
            table.AddRow(Markup.Escape(c.Name), outcome, Markup.Escape(c.Detail));
        }

        console.Write(table);
        int failed = results.Count(c => c.Outcome == CheckOutcome.Fail), warned = results.Count(c => c.Outcome == CheckOutcome.Warn);
        console.WriteLine(failed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"All {results.Count - warned} checks passed{(warned == 0 ? string.Empty : $" ({warned} warning(s))")}.")
            : string.Create(CultureInfo.InvariantCulture, $"{failed} of {results.Count} checks FAILED."));
    }
}
