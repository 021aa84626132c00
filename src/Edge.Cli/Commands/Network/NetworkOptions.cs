using System.CommandLine;
using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Server;

namespace Edge.Cli.Commands.Network;

/// <summary>Options shared by the network commands, and their checks.</summary>
internal static class NetworkOptions
{
    public static Option<string> CalledAeTitle() => new("--called-aet", "-aec")
    {
        Description = "AE title of the peer",
        DefaultValueFactory = _ => "ANY-SCP",
    };

    public static Option<string> CallingAeTitle() => new("--calling-aet", "-aet")
    {
        Description = "Our AE title",
        DefaultValueFactory = _ => "EDGECTL",
    };

    /// <summary>30 s: dcmtk's --acse-timeout; also used for DIMSE waits from the command line.</summary>
    public static Option<int> Timeout() => new("--timeout")
    {
        Description = "Seconds to wait for connect, association and each response",
        DefaultValueFactory = _ => 30,
    };

    public static int? Check(DicomPeer peer, string callingAe, int timeoutSeconds, TextWriter error, string command)
    {
        var problems = new List<string>();
        if (peer.Port is < 1 or > 65535)
        {
            problems.Add($"PORT must be 1-65535 (was {peer.Port})");
        }

        if (!AeTitles.IsValid(peer.CalledAeTitle))
        {
            problems.Add($"--called-aet must be 1-16 characters without backslash or control characters (was '{peer.CalledAeTitle}')");
        }

        if (!AeTitles.IsValid(callingAe))
        {
            problems.Add($"--calling-aet must be 1-16 characters without backslash or control characters (was '{callingAe}')");
        }

        if (timeoutSeconds is < 1 or > 3600)
        {
            problems.Add($"--timeout must be 1-3600 seconds (was {timeoutSeconds})");
        }

        foreach (string problem in problems)
        {
            error.WriteLine($"edgectl dicom {command}: {problem}");
        }

        return problems.Count == 0 ? null : 2;
    }

    public static DicomClientOptions ClientOptions(string callingAe, int timeoutSeconds) => new()
    {
        CallingAeTitle = callingAe,
        ConnectTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        AcseTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        DimseTimeout = TimeSpan.FromSeconds(Math.Max(timeoutSeconds, 60)),
    };
}
