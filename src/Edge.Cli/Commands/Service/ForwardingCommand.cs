using System.CommandLine;
using System.Globalization;
using Edge.Service.Control.Contracts;
using Spectre.Console;

namespace Edge.Cli.Commands.Service;

/// <summary>
/// <c>edgectl forwarding [--state pending|sent|dead_letter] [--limit N]</c>: the DICOM forwarding queue's newest items;
/// <c>edgectl forwarding retry</c>: queue every dead letter again once its cause is fixed.
/// </summary>
internal static class ForwardingCommand
{
    public static Command Create()
    {
        var shared = new ServiceCliOptions();
        var state = new Option<string?>("--state") { Description = "Only items in this state" };
        state.AcceptOnlyFromAmong("pending", "sent", "dead_letter");
        var limit = new Option<int>("--limit") { Description = "At most this many items, newest first (1-1000)", DefaultValueFactory = _ => 50 };
        var retryShared = new ServiceCliOptions();
        var retry = new Command("retry", "Queue every dead-lettered item again (after fixing the PACS or its configuration)");
        retryShared.AddTo(retry);
        retry.SetAction((r, ct) => RetryAsync(r.GetValue(retryShared.Socket), r.GetValue(retryShared.Json),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        var command = new Command("forwarding", "Show the DICOM forwarding queue: originals and result objects on their way to the PACS") { state, limit, retry };
        shared.AddTo(command);
        command.SetAction((r, ct) => ListAsync(r.GetValue(shared.Socket), r.GetValue(shared.Json), r.GetValue(state), r.GetValue(limit),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static Task<int> ListAsync(string? socket, bool json, string? state, int limit, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "forwarding", error, async client =>
        {
            string query = $"forwarding?limit={limit.ToString(CultureInfo.InvariantCulture)}" + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state));
            ForwardingResponse queue = await client.GetAsync<ForwardingResponse>(query, ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, queue).ConfigureAwait(false);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("destination").AddColumn("kind").AddColumn("state")
                .AddColumn("queued").AddColumn("attempts").AddColumn("next try").AddColumn("SOP instance").AddColumn("last error");
            foreach (ForwardingItem i in queue.Items)
            {
                table.AddRow(
                    i.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(i.Destination),
                    Markup.Escape(i.Kind),
                    i.State switch { "dead_letter" => "[bold red]dead letter[/]", "pending" => "[yellow]pending[/]", _ => Markup.Escape(i.State) },
                    Format.Time(i.CreatedAt),
                    i.Attempts.ToString(CultureInfo.InvariantCulture),
                    Format.Time(i.NextAttemptAt),
                    Markup.Escape(i.SopInstanceUid),
                    Markup.Escape(i.LastError ?? string.Empty));
            }

            ForwardingStatus s = queue.Status;
            table.Caption(Markup.Escape($"{s.Pending} pending (oldest {Format.Time(s.OldestPendingAt)}), {s.Sent} sent, {s.DeadLetters} dead letters"));
            ServiceCliOptions.Console(output).Write(table);
            return 0;
        });

    internal static Task<int> RetryAsync(string? socket, bool json, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "forwarding retry", error, async client =>
        {
            RetryResponse retried = await client.PostAsync<RetryResponse>("forwarding/retry", ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, retried).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"queued again: {retried.Requeued} dead-lettered items").ConfigureAwait(false);
            return 0;
        });
}
