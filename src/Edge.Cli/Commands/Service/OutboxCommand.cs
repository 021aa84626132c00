using System.CommandLine;
using System.Globalization;
using Edge.Service.Control.Contracts;
using Spectre.Console;

namespace Edge.Cli.Commands.Service;

/// <summary><c>edgectl outbox [--state pending|sent|expired|dropped|dead_letter] [--limit N]</c>: messages waiting for, or done with, the broker.</summary>
internal static class OutboxCommand
{
    public static Command Create()
    {
        var shared = new ServiceCliOptions();
        var state = new Option<string?>("--state") { Description = "Only entries in this state" };
        state.AcceptOnlyFromAmong("pending", "sent", "expired", "dropped", "dead_letter");
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first (1-1000)", DefaultValueFactory = _ => 50 };
        var command = new Command("outbox", "Show the MQTT outbox: backlog, losses and the newest entries") { state, limit };
        shared.AddTo(command);
        command.SetAction((r, ct) => RunAsync(r.GetValue(shared.Socket), r.GetValue(shared.Json), r.GetValue(state), r.GetValue(limit),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static Task<int> RunAsync(string? socket, bool json, string? state, int limit, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "outbox", error, async client =>
        {
            string query = $"outbox?limit={limit.ToString(CultureInfo.InvariantCulture)}" + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state));
            OutboxResponse outbox = await client.GetAsync<OutboxResponse>(query, ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, outbox).ConfigureAwait(false);
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("#").AddColumn("kind").AddColumn("state").AddColumn("created").AddColumn("attempts").AddColumn("message id").AddColumn("last error");
            foreach (OutboxItem e in outbox.Entries)
            {
                table.AddRow(
                    e.Id.ToString(CultureInfo.InvariantCulture),
                    e.Kind == "alert" ? "[bold red]alert[/]" : Markup.Escape(e.Kind),
                    e.State == "pending" ? "[yellow]pending[/]" : Markup.Escape(e.State),
                    Format.Time(e.CreatedAt),
                    e.Attempts.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.MessageId.ToString()),
                    Markup.Escape(e.LastError ?? string.Empty));
            }

            OutboxStatus s = outbox.Stats;
            table.Caption(Markup.Escape($"{s.Pending} pending (oldest {Format.Time(s.OldestPendingAt)}), {s.DeadLetters} dead letters, {s.Dropped} dropped, {s.Expired} expired"));
            ServiceCliOptions.Console(output).Write(table);
            return 0;
        });
}
