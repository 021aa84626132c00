using System.CommandLine;
using Edge.Service.Control.Contracts;

namespace Edge.Cli.Commands.Service;

/// <summary><c>edgectl series reprocess UID</c>: run a received series through the models again (a new generation).</summary>
internal static class SeriesCommand
{
    public static Command Create()
    {
        var shared = new ServiceCliOptions();
        var uid = new Argument<string>("series-uid") { Description = "Series Instance UID of a series received by this box" };
        var reprocess = new Command("reprocess", "Queue a received series again; its result and summary are replaced by a new generation") { uid };
        shared.AddTo(reprocess);
        reprocess.SetAction((r, ct) => ReprocessAsync(r.GetValue(shared.Socket), r.GetValue(shared.Json), r.GetValue(uid)!,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return new Command("series", "Received series") { reprocess };
    }

    internal static Task<int> ReprocessAsync(string? socket, bool json, string uid, TextWriter output, TextWriter error, CancellationToken ct) =>
        ServiceCliOptions.RunAsync(socket, "series reprocess", error, async client =>
        {
            ReprocessResponse queued = await client.PostAsync<ReprocessResponse>($"series/{Uri.EscapeDataString(uid)}/reprocess", ct).ConfigureAwait(false);
            if (json)
            {
                return await ControlJsonOutput.WriteAsync(output, queued).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"queued: job {queued.JobId}, generation {queued.Generation} of series {queued.SeriesInstanceUid}").ConfigureAwait(false);
            return 0;
        });
}
