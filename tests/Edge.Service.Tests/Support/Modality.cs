using System.Globalization;

namespace Edge.Service.Tests.Support;

/// <summary>The CT scanner: dcmtk's storescu and echoscu against edge-service's SCP.</summary>
internal static class Modality
{
    public const string AeTitle = "CT_SCANNER";

    public static Task<ProcessResult> SendAsync(int port, string directory, string calledAe = "EDGE") =>
        ExternalTools.RunAsync("storescu",
            // -v: each store response is printed with its status; -nh: go on after a refused instance, as scanners do.
            ["-v", "-aet", AeTitle, "-aec", calledAe, "+sd", "+r", "-nh", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), directory],
            TimeSpan.FromMinutes(3));

    public static Task<ProcessResult> EchoAsync(int port, string calledAe = "EDGE") =>
        ExternalTools.RunAsync("echoscu",
            ["-aet", AeTitle, "-aec", calledAe, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(30));
}
