using System.Text.Json;

namespace Edge.Inference.Packages;

/// <summary>
/// Reads typed fields from a JSON object while recording every problem with its JSON path, so one pass reports all
/// errors at once. Missing or mistyped fields return a harmless default; the caller throws if any error was recorded.
/// </summary>
internal sealed class ManifestJsonReader
{
    private readonly List<ManifestError> _errors = [];

    public IReadOnlyList<ManifestError> Errors => _errors;

    public void Error(string path, string message) => _errors.Add(new ManifestError(path, message));

    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>Flags fields the schema does not know: a misspelt optional field must not silently fall back to its default.</summary>
    public void RejectUnknown(JsonElement obj, string path, params string[] known)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                Error(Child(path, property.Name), $"unknown field (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public bool TryGet(JsonElement obj, string path, string name, JsonValueKind kind, bool required, out JsonElement value)
    {
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Child(path, name), "is required");
            }

            return false;
        }

        bool kindMatches = kind == value.ValueKind
            || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        if (!kindMatches)
        {
            Error(Child(path, name), $"must be {Describe(kind)}, not {Describe(value.ValueKind)}");
            return false;
        }

        return true;
    }

    public JsonElement? Object(JsonElement obj, string path, string name, bool required = true)
        => TryGet(obj, path, name, JsonValueKind.Object, required, out JsonElement value) ? value : null;

    public string String(JsonElement obj, string path, string name, bool required = true, string fallback = "")
    {
        if (!TryGet(obj, path, name, JsonValueKind.String, required, out JsonElement value))
        {
            return fallback;
        }

        string text = value.GetString() ?? string.Empty;
        if (required && text.Length == 0)
        {
            Error(Child(path, name), "must not be empty");
        }

        return text;
    }

    public double Number(JsonElement obj, string path, string name, double? fallback = null)
    {
        if (!TryGet(obj, path, name, JsonValueKind.Number, fallback is null, out JsonElement value))
        {
            return fallback ?? 0;
        }

        double number = value.GetDouble();
        if (!double.IsFinite(number))
        {
            Error(Child(path, name), "must be a finite number");
        }

        return number;
    }

    public int Integer(JsonElement obj, string path, string name, int? fallback = null)
    {
        if (!TryGet(obj, path, name, JsonValueKind.Number, fallback is null, out JsonElement value))
        {
            return fallback ?? 0;
        }

        if (!value.TryGetInt32(out int number))
        {
            Error(Child(path, name), "must be an integer");
        }

        return number;
    }

    public bool Boolean(JsonElement obj, string path, string name, bool fallback)
        => TryGet(obj, path, name, JsonValueKind.True, required: false, out JsonElement value) ? value.GetBoolean() : fallback;

    public TEnum Enum<TEnum>(JsonElement obj, string path, string name, TEnum? fallback = null)
        where TEnum : struct, System.Enum
    {
        string text = String(obj, path, name, required: fallback is null);
        if (text.Length == 0)
        {
            return fallback ?? default;
        }

        if (System.Enum.TryParse(text, ignoreCase: true, out TEnum parsed) && !int.TryParse(text, out _))
        {
            return parsed;
        }

        string allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        Error(Child(path, name), $"'{text}' is not one of: {allowed}");
        return fallback ?? default;
    }

    public double[] NumberArray(JsonElement obj, string path, string name, int length, bool required = true)
    {
        if (!TryGet(obj, path, name, JsonValueKind.Array, required, out JsonElement array))
        {
            return [];
        }

        string arrayPath = Child(path, name);
        if (array.GetArrayLength() != length)
        {
            Error(arrayPath, $"must have {length} elements, has {array.GetArrayLength()}");
            return [];
        }

        var result = new double[length];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !double.IsFinite(item.GetDouble()))
            {
                Error(Index(arrayPath, i), "must be a finite number");
            }
            else
            {
                result[i] = item.GetDouble();
            }

            i++;
        }

        return result;
    }

    public int[] IntegerArray(JsonElement obj, string path, string name, int? length, bool required = true)
    {
        if (!TryGet(obj, path, name, JsonValueKind.Array, required, out JsonElement array))
        {
            return [];
        }

        string arrayPath = Child(path, name);
        int count = array.GetArrayLength();
        if (length is { } expected && count != expected)
        {
            Error(arrayPath, $"must have {expected} elements, has {count}");
            return [];
        }

        var result = new int[count];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out result[i]))
            {
                Error(Index(arrayPath, i), "must be an integer");
            }

            i++;
        }

        return result;
    }

    public string[] StringArray(JsonElement obj, string path, string name, bool required = true)
    {
        if (!TryGet(obj, path, name, JsonValueKind.Array, required, out JsonElement array))
        {
            return [];
        }

        var result = new List<string>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString()))
            {
                Error(Index(Child(path, name), i), "must be a non-empty string");
            }
            else
            {
                result.Add(item.GetString()!);
            }

            i++;
        }

        return [.. result];
    }

    /// <summary>A [low, high] pair with low &lt; high.</summary>
    public (double Low, double High)? Range(JsonElement obj, string path, string name, bool required = false)
    {
        if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Child(path, name), "is required");
            }

            return null;
        }

        double[] pair = NumberArray(obj, path, name, 2);
        if (pair.Length != 2)
        {
            return null;
        }

        if (!(pair[0] < pair[1]))
        {
            Error(Child(path, name), $"low ({pair[0]}) must be below high ({pair[1]})");
        }

        return (pair[0], pair[1]);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
