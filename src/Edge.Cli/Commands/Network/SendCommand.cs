using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Edge.Dicom.Network.Client;
using Edge.Cli.Terminal;

namespace Edge.Cli.Commands.Network;

/// <summary>
/// <c>edgectl dicom send HOST PORT [--called-aet AE] PATH...</c>: C-STORE files and directories (recursively), with a
/// progress bar on a terminal, a summary at the end, and exit code 1 when any instance was not stored.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "Peer host name or address" };
        var port = new Argument<int>("port") { Description = "Peer DICOM port" };
        var paths = new Argument<string[]>("path") { Description = "DICOM files or directories (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var called = NetworkOptions.CalledAeTitle();
        var calling = NetworkOptions.CallingAeTitle();
        var timeout = NetworkOptions.Timeout();
        var command = new Command("send", "Send DICOM files to a peer with C-STORE") { host, port, paths, called, calling, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(
            new DicomPeer(result.GetValue(host)!, result.GetValue(port), result.GetValue(called)!),
            result.GetValue(calling)!,
            result.GetValue(timeout),
            result.GetValue(paths)!,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            interactive: TerminalDetect.IsTerminal(result.InvocationConfiguration.Error),
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(DicomPeer peer, string callingAe, int timeoutSeconds, IReadOnlyList<string> paths,
        TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        if (NetworkOptions.Check(peer, callingAe, timeoutSeconds, error, "send") is { } invalid)
        {
            return invalid;
        }

        FileSet files = FileSet.Collect(paths);
        foreach (string missing in files.Missing)
        {
            error.WriteLine($"edgectl dicom send: no such file or directory: {missing}");
        }

        if (files.Files.Count == 0)
        {
            error.WriteLine("edgectl dicom send: nothing to send");
            return 1;
        }

        var client = new DicomClient(NetworkOptions.ClientOptions(callingAe, timeoutSeconds));
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StoreResult> results;
        using (var progress = new TerminalProgress($"sending to {peer}", files.Files.Count, error, interactive))
        {
            results = await client.SendAsync(peer, files.Files, new SynchronousProgress(_ => progress.Increment()), cancellationToken).ConfigureAwait(false);
        }

        clock.Stop();
        foreach (StoreResult failed in results.Where(r => !r.Succeeded))
        {
            error.WriteLine(failed.ToString());
        }

        int stored = results.Count(r => r.Succeeded);
        long bytes = results.Where(r => r.Succeeded).Sum(r => r.Bytes);
        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sent {stored} of {results.Count} instance(s) to {peer}: {bytes / 1048576.0:0.0} MB in {seconds:0.00} s ({bytes / 1048576.0 / seconds:0.0} MB/s); "
            + $"{results.Count(r => r.Kind == StoreResultKind.StoredWithWarning)} warning(s), {results.Count(r => r.Kind == StoreResultKind.Failed)} failed, "
            + $"{results.Count(r => r.Kind == StoreResultKind.NotSent)} not sent, {files.Skipped} non-DICOM file(s) skipped"));
        return stored == results.Count && files.Missing.Count == 0 ? 0 : 1;
    }

    /// <summary>Progress&lt;T&gt; would post to the thread pool; the progress line wants each result as it happens.</summary>
    private sealed class SynchronousProgress(Action<StoreResult> report) : IProgress<StoreResult>
    {
        public void Report(StoreResult value) => report(value);
    }
}
