using Edge.Dicom.Network.Server;
using Edge.Sync;

namespace Edge.Cli.Commands.Field;

/// <summary>Checks of single answers, shared by the flags and the prompts; each returns why a value is wrong, or null.</summary>
internal static class ProvisionChecks
{
    public static string? Level(string value, string what) =>
        TopicNames.IsValidLevel(value) ? null : $"{what} must be 1-64 of A-Z a-z 0-9 . _ - (was '{value}')";

    public static string? AeTitle(string value) =>
        AeTitles.IsValid(value) ? null : $"AE title must be 1-16 characters without backslash or control characters (was '{value}')";

    public static string? Port(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535
            ? null
            : $"port must be 1-65535 (was '{value}')";

    /// <summary>An allow-list entry: <c>AE</c> or <c>AE@host</c>.</summary>
    public static string? Modality(string entry)
    {
        int at = entry.IndexOf('@', StringComparison.Ordinal);
        string ae = at < 0 ? entry : entry[..at];
        if (AeTitles.IsValid(ae) is false)
        {
            return $"'{entry}': AE title must be 1-16 characters without backslash or control characters";
        }

        return at >= 0 && (at == entry.Length - 1 || entry[(at + 1)..].Any(c => char.IsWhiteSpace(c) || c == '/'))
            ? $"'{entry}': must be AE or AE@host"
            : null;
    }

    public static string? Modalities(string commaSeparated) =>
        SplitList(commaSeparated).Select(Modality).FirstOrDefault(p => p is not null);

    public static string? Pacs(string value) =>
        value.Length == 0 || value == "none" || PacsAddress.TryParse(value, out _, out string? problem) ? null : problem;

    public static string? Host(string value) =>
        value.Length > 253 || value.Any(c => char.IsWhiteSpace(c) || c == '/') ? $"'{value}' is not a host name or address" : null;

    public static string? ExistingFile(string value) =>
        value.Length == 0 || File.Exists(value) ? null : $"no such file: {value}";

    public static IReadOnlyList<string> SplitList(string text) =>
        [.. text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
