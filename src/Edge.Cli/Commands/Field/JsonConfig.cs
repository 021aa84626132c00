using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// A JSON configuration file edited by key (<c>Dicom:Port</c>, the configuration system's own path syntax), so edits
/// keep every key they do not touch, including ones this version of edgectl does not know.
/// </summary>
internal static class JsonConfig
{
    /// <summary>Indented, and without HTML escaping: these files are read by people and by the configuration system, never by a browser.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a configuration file; a missing file is an empty configuration.</summary>
    public static JsonObject Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        JsonNode? node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return node as JsonObject ?? throw new InvalidDataException($"{path}: the top level must be a JSON object");
    }

    public static JsonNode? Get(JsonObject root, string key)
    {
        JsonNode? node = root;
        foreach (string part in key.Split(':'))
        {
            node = node switch
            {
                JsonObject o when TryGet(o, part, out JsonNode? child) => child,

                // Lists are sections keyed 0, 1, ... in the configuration system (Destinations:0:Host).
                JsonArray a when int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static string? GetString(JsonObject root, string key) =>
        Get(root, key) is JsonValue v && v.TryGetValue(out string? s) ? s : Get(root, key)?.ToJsonString();

    /// <summary>Sets a value, creating the sections on the way; a null value removes the key.</summary>
    public static void Set(JsonObject root, string key, JsonNode? value)
    {
        string[] parts = key.Split(':');
        JsonObject section = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (!TryGet(section, parts[i], out JsonNode? child) || child is not JsonObject next)
            {
                next = [];
                Put(section, parts[i], next);
            }

            section = next;
        }

        if (value is null)
        {
            Remove(section, parts[^1]);
        }
        else
        {
            Put(section, parts[^1], value);
        }
    }

    /// <summary>Deep merge: objects merge key by key, anything else (values, arrays) in <paramref name="patch"/> replaces.</summary>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        foreach ((string key, JsonNode? value) in patch)
        {
            if (value is JsonObject patchSection && TryGet(target, key, out JsonNode? existing) && existing is JsonObject targetSection)
            {
                Merge(targetSection, patchSection);
            }
            else
            {
                Put(target, key, value?.DeepClone());
            }
        }
    }

    public static byte[] Serialize(JsonObject root) =>
        System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(Indented) + "\n");

    // Configuration keys are case-insensitive; the file keeps whatever spelling it already had.
    private static bool TryGet(JsonObject o, string key, out JsonNode? value)
    {
        foreach ((string k, JsonNode? v) in o)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static void Put(JsonObject o, string key, JsonNode? value)
    {
        string existing = o.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
        o[existing] = value;
    }

    private static void Remove(JsonObject o, string key)
    {
        if (o.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            o.Remove(existing);
        }
    }
}
