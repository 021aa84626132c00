using System.CommandLine;
using System.Globalization;
using Edge.Service.Control.Contracts;
using Edge.Store.Documents;
using Edge.Sync.Summaries;
using Spectre.Console;

namespace Edge.Cli.Commands.Service;

/// <summary>
/// <c>edgectl results list [--since 24h|TIME] [--limit N]</c> and <c>edgectl results show ID</c> (GET /results and
/// GET /results/{id}). Patient identifiers are shown: this is the local operator's view, read over the root/edge-only socket.
/// </summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List results, newest first (or oldest first from --since)");
        var listOptions = new ServiceCliOptions();
        var since = new Option<string?>("--since") { Description = "Only results from this time on: an ISO 8601 time, or an age such as 90m, 24h, 7d" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (1-1000)", DefaultValueFactory = _ => 50 };
        list.Options.Add(since);
        list.Options.Add(limit);
        listOptions.AddTo(list);
        list.SetAction((r, ct) => ListAsync(r.GetValue(listOptions.Socket), r.GetValue(listOptions.Json), r.GetValue(since), r.GetValue(limit),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));

        var show = new Command("show", "Show one result: decision, models, findings, timings, delivery");
        var showOptions = new ServiceCliOptions();
        var id = new Argument<string>("id") { Description = "The result id (the summary's id), or its first 8 or more characters" };
        show.Arguments.Add(id);
        showOptions.AddTo(show);
        var png = new Option<string?>("--png") { Description = "Also write the key slice with the findings circled to this PNG file (while the images are kept)" };
        show.Options.Add(png);
        show.SetAction((r, ct) => ShowAsync(r.GetValue(showOptions.Socket), r.GetValue(showOptions.Json), r.GetValue(id)!, r.GetValue(png),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));

        return new Command("results", "Screening results kept on this box") { list, show };
    }

    internal static Task<int> ListAsync(string? socket, bool json, string? since, int limit, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "results list", error, async client =>
        {
            string query = $"results?limit={limit.ToString(CultureInfo.InvariantCulture)}";
            if (since is not null)
            {
                if (ParseSince(since, DateTimeOffset.UtcNow) is not { } from)
                {
                    await error.WriteLineAsync($"edgectl results list: --since must be an ISO 8601 time or an age such as 90m, 24h, 7d (was '{since}')").ConfigureAwait(false);
                    return ServiceCliOptions.Refused;
                }

                query += "&since=" + Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture));
            }

            List<ResultListItem> results = await client.GetAsync<List<ResultListItem>>(query, ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, results).ConfigureAwait(false);
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("id").AddColumn("created").AddColumn("decision").AddColumn("p").AddColumn("findings")
                .AddColumn("patient").AddColumn("accession").AddColumn("EP").AddColumn("total");
            foreach (ResultListItem r in results)
            {
                table.AddRow(
                    Markup.Escape(r.Id.ToString()),
                    Format.Time(r.CreatedAt),
                    Format.Decision(r.Decision),
                    Format.Probability(r.MaxProbability),
                    r.Findings.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape($"{r.PatientName} ({r.PatientId})"),
                    Markup.Escape(r.AccessionNumber ?? "-"),
                    Markup.Escape(r.ExecutionProvider ?? "-"),
                    Format.Ms(r.TotalMs));
            }

            table.Caption(results.Count == 0 ? "no results" : $"{results.Count} result(s)");
            ServiceCliOptions.Console(output).Write(table);
            return 0;
        });

    internal static Task<int> ShowAsync(string? socket, bool json, string id, string? png, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "results show", error, async client =>
        {
            string full = id;
            if (!Guid.TryParse(id, out _))
            {
                // A prefix, as the table shows ids: find it among the latest results.
                List<ResultListItem> latest = await client.GetAsync<List<ResultListItem>>("results?limit=1000", ct).ConfigureAwait(false);
                List<ResultListItem> matches = [.. latest.Where(r => r.Id.ToString().StartsWith(id, StringComparison.OrdinalIgnoreCase))];
                if (id.Length < 8 || matches.Count != 1)
                {
                    await error.WriteLineAsync($"edgectl results show: '{id}' matches {matches.Count} of the latest results; give the whole id").ConfigureAwait(false);
                    return ServiceCliOptions.Refused;
                }

                full = matches[0].Id.ToString();
            }

            ResultDetail detail = await client.GetAsync<ResultDetail>($"results/{Uri.EscapeDataString(full)}", ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, detail).ConfigureAwait(false);
            }

            Render(ServiceCliOptions.Console(output), detail);
            return png is null ? 0 : Field.ResultKeyImage.Write(detail, png, output, error);
        });

    /// <summary>An ISO 8601 time, or an age back from <paramref name="now"/> such as <c>90m</c>, <c>24h</c>, <c>7d</c>.</summary>
    internal static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) && amount >= 0)
        {
            TimeSpan? age = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (age is { } a)
            {
                return now - a;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at) ? at : null;
    }

    private static void Render(IAnsiConsole console, ResultDetail d)
    {
        ResultRecord r = d.Result;
        SeriesRecord? s = d.Series;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow($"[bold]{name}[/]", value);
        Row("result", Markup.Escape(r.Id.ToString()));
        Row("decision", Format.Decision(DecisionNames.Json(r.Decision)) + (r.FailureReason is null ? string.Empty : Markup.Escape($" ({r.FailureReason})")));
        Row("created", Format.Time(r.CreatedAt));
        if (s is not null)
        {
            LocalIdentifiers ids = s.Identifiers;
            Row("patient", Markup.Escape($"{ids.PatientName} ({ids.PatientId}), born {ids.PatientBirthDate}"));
            Row("study", Markup.Escape($"accession {ids.AccessionNumber}, {ids.StudyDate} {ids.StudyTime}, {ids.InstitutionName}"));
            AcquisitionInfo a = s.Acquisition;
            Row("series", Markup.Escape($"{r.SeriesInstanceUid} (generation {r.Generation}): {a.Modality} {a.Manufacturer} {a.ManufacturerModelName}, {a.SliceCount} slices of {a.SliceThicknessMm} mm, {a.KvP} kVp"));
            Row("files", Markup.Escape(s.FilesPurgedAt is { } purged ? $"deleted by retention {Format.Time(purged)}" : s.StoragePath ?? "-"));
        }

        Row("timings", Markup.Escape($"completion {Format.Ms(r.Timings.CompletionMs)}, queue {Format.Ms(r.Timings.QueueMs)}, assembly {Format.Ms(r.Timings.AssemblyMs)}, inference {Format.Ms(r.Timings.InferenceMs)}; total {Format.Ms(r.Timings.TotalMs)} on {r.ExecutionProvider}"));
        Row("delivery", Markup.Escape(d.Messages.Count == 0 ? "no message" : string.Join(", ", d.Messages.Select(m => $"{m.Kind} {m.State} ({m.Attempts} attempts)"))));
        console.Write(grid);

        var models = new Table().Border(TableBorder.Rounded).AddColumn("model").AddColumn("decision").AddColumn("p").AddColumn("threshold").AddColumn("reason / findings");
        foreach (ModelResult m in r.Models)
        {
            string findings = m.Findings.Count == 0 ? m.Reason ?? string.Empty : string.Join("; ", m.Findings.Select(f =>
                string.Create(CultureInfo.InvariantCulture, $"{f.Label} {f.MaxDiameterMm:0.0} mm, {f.VolumeMl:0.00} ml, {f.Location ?? "?"}, p {f.Probability:0.00}")));
            models.AddRow(Markup.Escape($"{m.Id} {m.Version}"), Format.Decision(DecisionNames.Json(m.Decision)), Format.Probability(m.Probability),
                Format.Probability(m.Threshold), Markup.Escape(findings));
        }

        console.Write(models);
    }
}
