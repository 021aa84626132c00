using System.CommandLine;
using System.Runtime.InteropServices;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;

namespace Edge.Cli.Commands.Network;

/// <summary>
/// <c>edgectl dicom listen --port N --aet AE --out DIR [--allow AE[@host]]...</c>: a standalone storage SCP writing
/// {DIR}/{Study}/{Series}/{SOP}.dcm, one line per association, until Ctrl-C.
/// </summary>
internal static class ListenCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port to listen on", Required = true };
        var aet = new Option<string>("--aet") { Description = "Our AE title; requests must call it", DefaultValueFactory = _ => "EDGE" };
        var output = new Option<string>("--out", "-o") { Description = "Directory to store received instances under", Required = true };
        var allow = new Option<string[]>("--allow")
        {
            Description = "Calling AE title allowed to store, as AE or AE@host (repeatable; default: anyone)",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxAssociations = new Option<int>("--max-associations") { Description = "Concurrent associations", DefaultValueFactory = _ => 32 };
        var minFree = new Option<long>("--min-free-mb")
        {
            Description = "Refuse instances when the output file system has less free space (MB)",
            DefaultValueFactory = _ => 1024,
        };
        var duplicates = new Option<DuplicatePolicy>("--duplicates")
        {
            Description = "What to do with an instance already stored",
            DefaultValueFactory = _ => DuplicatePolicy.Overwrite,
        };
        var command = new Command("listen", "Run a DICOM storage SCP until Ctrl-C") { port, aet, output, allow, maxAssociations, minFree, duplicates };
        command.SetAction((result, cancellationToken) => RunAsync(
            new DicomServerOptions
            {
                Port = result.GetValue(port),
                AeTitle = result.GetValue(aet)!,
                StorageRoot = result.GetValue(output)!,
                AllowedCallingAeTitles = [.. result.GetValue(allow) ?? []],
                MaxAssociations = result.GetValue(maxAssociations),
                MinimumFreeDiskBytes = result.GetValue(minFree) * 1024 * 1024,
                DuplicatePolicy = result.GetValue(duplicates),
            },
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(DicomServerOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> problems = DicomServerOptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                error.WriteLine($"edgectl dicom listen: {problem}");
            }

            return 2;
        }

        var printer = new AssociationPrinter(output);
        await using var server = new DicomServer(options, printer, new ConsoleErrorLogger<DicomServer>(error));
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgectl dicom listen: cannot start: {ex.Message}");
            return 1;
        }

        output.WriteLine($"Listening as {options.AeTitle} on {server.LocalEndPoint}, storing under {Path.GetFullPath(options.StorageRoot)} (Ctrl-C to stop)");
        output.Flush();

        // Ctrl-C and SIGTERM stop the server in order (open associations get A-ABORT, their temporary files are
        // removed) instead of killing the process mid-write; the synchronous invocation path has no handler of its own.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        output.WriteLine($"Stopped: {printer.Associations} association(s), {printer.Instances} instance(s) stored");
        return 0;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    /// <summary>One line per association, as it ends; handlers only format and write, as <see cref="IStorageEvents"/> requires.</summary>
    private sealed class AssociationPrinter(TextWriter output) : IStorageEvents
    {
        private readonly Lock _lock = new();
        private int _associations;
        private int _instances;

        public int Associations => Volatile.Read(ref _associations);

        public int Instances => Volatile.Read(ref _instances);

        public void AssociationOpened(AssociationInfo association)
        {
        }

        public void InstanceStored(StoredInstance instance) => Interlocked.Increment(ref _instances);

        public void AssociationClosed(AssociationSummary summary)
        {
            Interlocked.Increment(ref _associations);
            lock (_lock)
            {
                output.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} {summary}");
                output.Flush();
            }
        }
    }
}
