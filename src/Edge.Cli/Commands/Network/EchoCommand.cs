using System.CommandLine;
using System.Globalization;
using Edge.Dicom.Network.Client;

namespace Edge.Cli.Commands.Network;

/// <summary><c>edgectl dicom echo HOST PORT [--called-aet AE] [--calling-aet AE]</c>: a C-ECHO, the DICOM ping.</summary>
internal static class EchoCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "Peer host name or address" };
        var port = new Argument<int>("port") { Description = "Peer DICOM port" };
        var called = NetworkOptions.CalledAeTitle();
        var calling = NetworkOptions.CallingAeTitle();
        var timeout = NetworkOptions.Timeout();
        var command = new Command("echo", "Verify a DICOM peer with C-ECHO") { host, port, called, calling, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(
            new DicomPeer(result.GetValue(host)!, result.GetValue(port), result.GetValue(called)!),
            result.GetValue(calling)!,
            result.GetValue(timeout),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(DicomPeer peer, string callingAe, int timeoutSeconds, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (NetworkOptions.Check(peer, callingAe, timeoutSeconds, error, "echo") is { } invalid)
        {
            return invalid;
        }

        var client = new DicomClient(NetworkOptions.ClientOptions(callingAe, timeoutSeconds));
        try
        {
            EchoResult result = await client.EchoAsync(peer, cancellationToken).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"C-ECHO {callingAe} -> {peer}: {Edge.Dicom.Network.Dimse.DimseStatus.Describe(result.Status)} in {result.RoundTrip.TotalMilliseconds:0} ms (peer implementation {result.PeerImplementationClassUid} {result.PeerImplementationVersionName})"));
            return result.Succeeded ? 0 : 1;
        }
        catch (DicomAssociationException ex)
        {
            error.WriteLine($"edgectl dicom echo: {ex.Message}");
            return 1;
        }
    }
}
