using System.CommandLine;
using Edge.Cli.Control;
using Edge.Service.Control.Contracts;
using Edge.Service.Health;
using Spectre.Console;

namespace Edge.Cli.Commands.Service;

/// <summary><c>edgectl status [--json] [--socket PATH]</c>: the running service at a glance (GET /status).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var shared = new ServiceCliOptions();
        var command = new Command("status", "Show what edge-service is doing: DICOM, queue, results, outbox, broker, storage, stages, alarms");
        shared.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(shared.Socket), result.GetValue(shared.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(string? socket, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        ServiceCliOptions.RunAsync(socket, "status", error, async client =>
        {
            StatusResponse status = await client.GetAsync<StatusResponse>("status", cancellationToken).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, status).ConfigureAwait(false);
            }

            Render(ServiceCliOptions.Console(output), status, client.SocketPath);
            return 0;
        });

    private static void Render(IAnsiConsole console, StatusResponse s, string socket)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow($"[bold]{name}[/]", value);
        Row("device", Markup.Escape($"{s.SiteId}/{s.DeviceId}, edge-service {s.Version}, up {TimeSpan.FromSeconds(s.UptimeSeconds):d\\.hh\\:mm\\:ss}"));
        Row("alarms", s.Alarms.Count == 0 ? "[green]none[/]" : $"[bold red]{Markup.Escape(string.Join(", ", s.Alarms))}[/]");
        Row("models", Markup.Escape(s.Models.Count == 0 ? "none" : string.Join(", ", s.Models.Select(m => $"{m.Id} {m.Version}")) + $" on {s.ExecutionProvider ?? "?"}"));
        Row("dicom", Markup.Escape($"{s.Dicom.AeTitle} on port {s.Dicom.Port}: {s.Dicom.InstancesReceived} instances ({Format.Bytes(s.Dicom.BytesReceived)}) in {s.Dicom.Associations} associations, {s.Dicom.OpenAssociations} open, {s.Dicom.InstancesFailed} refused; last {Format.Time(s.Dicom.LastReceivedAt)}"));
        Row("series", Markup.Escape($"{s.Queue.SeriesReceiving} receiving, {s.Queue.Queued} queued, {s.Queue.Processing} processing, {s.Queue.Done} done, {s.Queue.Failed} failed"));
        Row("results", $"[red]{s.Results.Suspicious} suspicious[/], {s.Results.Negative} negative, {s.Results.NotEligible} not eligible, [yellow]{s.Results.Failed} failed[/]");
        Row("outbox", Markup.Escape($"{s.Outbox.Pending} pending (oldest {Format.Time(s.Outbox.OldestPendingAt)}), {s.Outbox.DeadLetters} dead letters, {s.Outbox.Dropped} dropped, {s.Outbox.Expired} expired"));
        if (s.Forwarding is { } f)
        {
            Row("forwarding", Markup.Escape(f.Destinations.Count == 0 ? "off (no Destinations configured)"
                : $"{f.Pending} pending (oldest {Format.Time(f.OldestPendingAt)}), {f.Sent} sent, {f.DeadLetters} dead letters"
                  + (f.EnqueueFailures > 0 ? $", {f.EnqueueFailures} enqueue failures" : string.Empty) + "; "
                  + string.Join("; ", f.Destinations.Select(d => $"{d.Name} {d.AeTitle}@{d.Host}:{d.Port} ({d.Send}): {d.Pending} pending, {d.Sent} sent, {d.DeadLetters} dead"))));
        }

        Row("broker", Markup.Escape(!s.Mqtt.Enabled ? "off (Mqtt:Host is empty)"
            : $"{s.Mqtt.Endpoint} {(s.Mqtt.Connected ? "connected" : "NOT connected")}, {s.Mqtt.Published} published, {s.Mqtt.ConnectFailures}/{s.Mqtt.ConnectAttempts} connects failed"
              + (s.Mqtt.LastError is null ? string.Empty : $"; last error {Format.Time(s.Mqtt.LastErrorAt)}: {s.Mqtt.LastError}")));
        Row("storage", Markup.Escape($"{s.Storage.DataRoot}: {Format.Bytes(s.Storage.UsedBytes)} used, {Format.Bytes(s.Storage.FreeBytes)} free (floor {Format.Bytes(s.Storage.MinimumFreeBytes)}), keep {Format.Number(s.Storage.KeepReceivedHours)} h"
            + (s.Storage.QuotaBytes > 0 ? $", quota {Format.Bytes(s.Storage.QuotaBytes)}" : string.Empty)));
        Row("memory", Markup.Escape($"{Format.Bytes(s.Process.ResidentBytes)} resident, managed heap {Format.Bytes(s.Process.ManagedHeapBytes)} ({Format.Bytes(s.Process.ManagedCommittedBytes)} committed), {s.Process.Gen2Collections} full collections"));
        Row("socket", Markup.Escape(socket));
        console.Write(grid);

        var stages = new Table().Border(TableBorder.Rounded).AddColumn("stage").AddColumn("state").AddColumn("since").AddColumn("items").AddColumn("last error");
        foreach (StageSnapshot stage in s.Stages)
        {
            string state = Markup.Escape(stage.State.ToString().ToLowerInvariant() + (stage.Activity is null ? string.Empty : $": {stage.Activity}"));
            stages.AddRow(
                Markup.Escape(stage.Name),
                stage.Alive ? state : $"[bold red]{state} (stalled)[/]",
                Format.Time(stage.Since),
                stage.Processed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(stage.LastError ?? string.Empty));
        }

        console.Write(stages);
    }
}
