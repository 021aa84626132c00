using System.Net;

namespace Edge.Dicom.Network.Server;

/// <summary>One entry of the calling-AE allow-list: "AE" (from anywhere) or "AE@host".</summary>
public sealed record AllowedCaller(string AeTitle, string? Host)
{
    /// <summary>Addresses the host resolved to at start-up; empty when <see cref="Host"/> is null or did not resolve.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    public static bool TryParse(string entry, out AllowedCaller? caller)
    {
        caller = null;
        int at = entry.LastIndexOf('@');
        string ae = at < 0 ? entry : entry[..at];
        string? host = at < 0 ? null : entry[(at + 1)..].Trim();
        if (!AeTitles.IsValid(ae) || host is { Length: 0 })
        {
            return false;
        }

        caller = new AllowedCaller(ae.Trim(' '), host);
        return true;
    }

    /// <summary>Resolves the host once; a literal address needs no lookup.</summary>
    public AllowedCaller Resolve()
    {
        if (Host is null)
        {
            return this;
        }

        if (IPAddress.TryParse(Host, out IPAddress? literal))
        {
            return this with { Addresses = [Normalize(literal)] };
        }

        try
        {
            return this with { Addresses = [.. Dns.GetHostAddresses(Host).Select(Normalize)] };
        }
        catch (System.Net.Sockets.SocketException)
        {
            return this;
        }
    }

    public bool Matches(string callingAe, IPAddress? remote) =>
        AeTitles.AreEqual(AeTitle, callingAe) && (Host is null || (remote is not null && Addresses.Contains(Normalize(remote))));

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public override string ToString() => Host is null ? AeTitle : $"{AeTitle}@{Host}";
}
