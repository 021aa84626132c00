using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// Takes secrets and patient-identifying values out of what leaves the box in a support bundle. Configuration values
/// whose key names a secret are replaced (paths to credential files stay, their contents never travel); every known
/// secret value is blanked wherever it appears; and anything shaped like a DICOM UID (which can identify a study and so
/// a patient) is replaced in all text, whatever produced it.
/// </summary>
internal sealed partial class Redactor
{
    public const string Mark = "<redacted>";
    public const string UidMark = "<uid>";

    private readonly List<string> _secrets = [];

    /// <summary>Adds a secret's value (a password, the HMAC key) to blank wherever it appears.</summary>
    public void AddSecret(string? value)
    {
        // Very short values would blank ordinary words; real secrets here are 32+ characters, passwords 8+.
        if (value?.Trim() is { Length: >= 6 } trimmed && !_secrets.Contains(trimmed))
        {
            _secrets.Add(trimmed);
        }
    }

    /// <summary>Reads a credential file's first line into the secret list (never into the bundle). Missing files are skipped.</summary>
    public void AddSecretFile(string? path)
    {
        if (path is null || !File.Exists(path) || new FileInfo(path).Length > 65536)
        {
            return;
        }

        try
        {
            AddSecret(File.ReadLines(path).FirstOrDefault());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not readable by this user: then it cannot leak through this user either.
        }
    }

    /// <summary>Whether a configuration key (its last segment) holds a secret value rather than a path to one.</summary>
    public static bool IsSecretKey(string name) =>
        !name.EndsWith("File", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("Directory", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("Path", StringComparison.OrdinalIgnoreCase)
        && SecretKeyName().IsMatch(name);

    /// <summary>A copy of a configuration with every secret-named value replaced.</summary>
    public JsonObject Configuration(JsonObject configuration)
    {
        var copy = (JsonObject)configuration.DeepClone();
        Walk(copy);
        return copy;
    }

    public string Text(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mark, StringComparison.Ordinal);
        }

        return UidCandidate().Replace(text, m => IsUid(m.Value) ? UidMark : m.Value);
    }

    private void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (string key in o.Select(p => p.Key).ToList())
                {
                    if (IsSecretKey(key) && o[key] is JsonValue value)
                    {
                        AddSecret(value.ToString());
                        o[key] = Mark;
                    }
                    else
                    {
                        Walk(o[key]);
                    }
                }

                break;
            case JsonArray a:
                foreach (JsonNode? item in a)
                {
                    Walk(item);
                }

                break;
        }
    }

    [GeneratedRegex("(?i)(password|passphrase|secret|token|apikey|privatekey)$")]
    private static partial Regex SecretKeyName();

    /// <summary>
    /// A UID (PS3.5 §9.1): a root 0, 1 or 2 and at least three more dot-separated numbers. <see cref="IsUid"/> then
    /// leaves short ones (versions such as 1.2.3.4) and IPv4 addresses alone; every UID the appliance sees (org roots
    /// 1.2.x, 2.25.x) is far longer than ten characters.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9.])[0-2](?:\.[0-9]+){3,}(?![0-9]|\.[0-9])")]
    private static partial Regex UidCandidate();

    private static bool IsUid(string candidate)
    {
        if (candidate.Length < 10)
        {
            return false;
        }

        string[] parts = candidate.Split('.');
        return !(parts.Length == 4 && parts.All(p => p.Length <= 3 && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255));
    }
}
