using System.Globalization;
using System.Text.Json;
using Edge.Sync.Fleet;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edge.Cli.Commands.Fleet;

/// <summary>The live table: the newest messages first, one row each, with the counters as caption.</summary>
internal sealed class FleetView
{
    /// <summary>Rows kept on screen; a terminal shows about this many.</summary>
    private const int MaxRows = 25;

    private readonly LinkedList<FleetEvent> _rows = new();

    public void Add(FleetEvent e)
    {
        _rows.AddFirst(e);
        if (_rows.Count > MaxRows)
        {
            _rows.RemoveLast();
        }
    }

    public IRenderable Render(FleetWatcher watcher)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("site/device").AddColumn("kind").AddColumn("decision").AddColumn("models").AddColumn("id").AddColumn("valid");
        foreach (FleetEvent e in _rows)
        {
            table.AddRow(
                Markup.Escape($"{e.Site}/{e.Device}"),
                Kind(e),
                Markup.Escape(Decision(e)),
                Markup.Escape(Models(e)),
                Markup.Escape(e.Id?.ToString()[..8] ?? ""),
                e.IsValid ? "[green]yes[/]" : $"[red]{Markup.Escape(e.Errors[0])}[/]");
        }

        table.Caption($"{watcher.Duplicates} duplicates dropped, {watcher.Invalid} invalid");
        return table;
    }

    private static string Kind(FleetEvent e) => e.Kind switch
    {
        FleetMessageKind.Alert => "[bold red]alert[/]",
        FleetMessageKind.Summary => "summary",
        FleetMessageKind.Status => "status",
        FleetMessageKind.Heartbeat => "[grey]heartbeat[/]",
        _ => "other",
    };

    private static string Decision(FleetEvent e) => e.Kind switch
    {
        FleetMessageKind.Status => e.Text("state") ?? "",
        FleetMessageKind.Heartbeat => Heartbeat(e),
        _ => e.Text("decision") ?? "",
    };

    private static string Heartbeat(FleetEvent e)
    {
        if (e.Payload is not { ValueKind: JsonValueKind.Object } p)
        {
            return "";
        }

        long backlog = p.TryGetProperty("outboxBacklog", out JsonElement b) && b.TryGetInt64(out long v) ? v : 0;
        string alarms = p.TryGetProperty("alarms", out JsonElement a) && a.ValueKind == JsonValueKind.Array
            ? string.Join(',', a.EnumerateArray().Select(x => x.GetString()))
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"backlog {backlog} {alarms}").Trim();
    }

    private static string Models(FleetEvent e)
    {
        if (e.Payload is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("models", out JsonElement models) || models.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        return string.Join(' ', models.EnumerateArray().Select(m =>
            m.TryGetProperty("probability", out JsonElement pr) && pr.ValueKind == JsonValueKind.Number
                ? string.Create(CultureInfo.InvariantCulture, $"{m.GetProperty("id").GetString()}:{pr.GetDouble():0.000}")
                : m.GetProperty("id").GetString()));
    }
}
