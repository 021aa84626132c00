using System.Globalization;
using Edge.Dicom.Network.Server;

namespace Edge.Cli.Commands.Field;

/// <summary>A DICOM destination written as <c>AE@host:port</c> (the form field engineers read off a PACS configuration page).</summary>
internal sealed record PacsAddress(string AeTitle, string Host, int Port)
{
    public static bool TryParse(string text, out PacsAddress? address, out string? problem)
    {
        address = null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        int colon = text.LastIndexOf(':');
        if (at <= 0 || colon <= at + 1 || colon == text.Length - 1)
        {
            problem = $"must be AE@host:port, e.g. PACS@10.0.0.20:104 (was '{text}')";
            return false;
        }

        string ae = text[..at];
        string host = text[(at + 1)..colon];
        if (!AeTitles.IsValid(ae))
        {
            problem = $"AE title '{ae}' must be 1-16 characters without backslash or control characters";
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            problem = $"port must be 1-65535 (was '{text[(colon + 1)..]}')";
            return false;
        }

        if (host.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            problem = $"'{host}' is not a host name or address";
            return false;
        }

        address = new PacsAddress(ae, host, port);
        problem = null;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AeTitle}@{Host}:{Port}");
}
