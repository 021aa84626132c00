using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Edge.Sync.Schema;

/// <summary>
/// A small JSON Schema (2020-12) validator for the constructs Edge's own schemas use: type, enum, const,
/// required, properties, additionalProperties, items, min/maxItems, min/maxLength, pattern, minimum, maximum,
/// format (uuid, date-time) and local <c>$ref</c> into <c>$defs</c>. A schema using any other keyword is refused
/// when loaded, so the validator can never silently ignore a rule.
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs"];

    private static readonly HashSet<string> Supported =
    [
        "type", "enum", "const", "required", "properties", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "format", "$ref",
    ];

    // Patterns come from our schema, inputs from the network: bound each match (ReDoS guard).
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>A document nested deeper than this is refused; our schemas nest five levels.</summary>
    private const int MaxDepth = 64;

    private readonly JsonDocument _schema;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public JsonSchemaValidator(string schemaJson)
    {
        _schema = JsonDocument.Parse(schemaJson);
        CheckKeywords(_schema.RootElement, "#");
    }

    /// <summary>Validates a document; returns every violation as "path: problem" (empty when valid).</summary>
    public IReadOnlyList<string> Validate(JsonElement document)
    {
        var errors = new List<string>();
        Check(_schema.RootElement, document, "", errors, 0);
        return errors;
    }

    public IReadOnlyList<string> Validate(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }

        using (doc)
        {
            return Validate(doc.RootElement);
        }
    }

    private void CheckKeywords(JsonElement schema, string path)
    {
        if (schema.ValueKind == JsonValueKind.True || schema.ValueKind == JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException($"{path}: a schema must be an object or a boolean.");
        }

        foreach (JsonProperty p in schema.EnumerateObject())
        {
            if (!Supported.Contains(p.Name) && !Annotations.Contains(p.Name))
            {
                throw new NotSupportedException($"{path}: keyword '{p.Name}' is not supported by this validator.");
            }

            switch (p.Name)
            {
                case "properties":
                case "$defs":
                    foreach (JsonProperty child in p.Value.EnumerateObject())
                    {
                        CheckKeywords(child.Value, $"{path}/{p.Name}/{child.Name}");
                    }

                    break;
                case "items":
                case "additionalProperties":
                    CheckKeywords(p.Value, $"{path}/{p.Name}");
                    break;
                case "$ref":
                    _ = Resolve(p.Value.GetString()!);
                    break;
                case "pattern":
                    _ = Pattern(p.Value.GetString()!);
                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal)
            || !_schema.RootElement.TryGetProperty("$defs", out JsonElement defs)
            || !defs.TryGetProperty(reference[Prefix.Length..], out JsonElement target))
        {
            throw new NotSupportedException($"$ref '{reference}' does not name an entry of $defs.");
        }

        return target;
    }

    private Regex Pattern(string pattern)
    {
        lock (_patterns)
        {
            if (!_patterns.TryGetValue(pattern, out Regex? regex))
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
                _patterns[pattern] = regex;
            }

            return regex;
        }
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            errors.Add($"{At(path)}: nested too deeply");
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{At(path)}: not allowed");
            return;
        }

        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors, depth + 1);
        }

        if (schema.TryGetProperty("type", out JsonElement type) && !MatchesType(type, value))
        {
            errors.Add($"{At(path)}: expected {TypeText(type)}, got {Kind(value)}");
            return;
        }

        if (schema.TryGetProperty("const", out JsonElement constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{At(path)}: must be {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out JsonElement options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{At(path)}: must be one of {options.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value.GetDouble(), path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, errors, depth);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors, depth);
                break;
        }
    }

    private void CheckString(JsonElement schema, string s, string path, List<string> errors)
    {
        int length = s.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out JsonElement min) && length < min.GetInt32())
        {
            errors.Add($"{At(path)}: shorter than {min.GetInt32()}");
        }

        if (schema.TryGetProperty("maxLength", out JsonElement max) && length > max.GetInt32())
        {
            errors.Add($"{At(path)}: longer than {max.GetInt32()}");
        }

        if (schema.TryGetProperty("pattern", out JsonElement pattern))
        {
            bool match;
            try
            {
                match = Pattern(pattern.GetString()!).IsMatch(s);
            }
            catch (RegexMatchTimeoutException)
            {
                match = false;
            }

            if (!match)
            {
                errors.Add($"{At(path)}: does not match {pattern.GetString()}");
            }
        }

        if (schema.TryGetProperty("format", out JsonElement format))
        {
            bool ok = format.GetString() switch
            {
                "uuid" => Guid.TryParseExact(s, "D", out _),
                "date-time" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && s.Contains('T', StringComparison.Ordinal),
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"{At(path)}: not a valid {format.GetString()}");
            }
        }
    }

    private static void CheckNumber(JsonElement schema, double d, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out JsonElement min) && d < min.GetDouble())
        {
            errors.Add($"{At(path)}: {d.ToString(CultureInfo.InvariantCulture)} is less than minimum {min.GetRawText()}");
        }

        if (schema.TryGetProperty("maximum", out JsonElement max) && d > max.GetDouble())
        {
            errors.Add($"{At(path)}: {d.ToString(CultureInfo.InvariantCulture)} is greater than maximum {max.GetRawText()}");
        }
    }

    private void CheckArray(JsonElement schema, JsonElement array, string path, List<string> errors, int depth)
    {
        int count = array.GetArrayLength();
        if (schema.TryGetProperty("minItems", out JsonElement min) && count < min.GetInt32())
        {
            errors.Add($"{At(path)}: fewer than {min.GetInt32()} items");
        }

        if (schema.TryGetProperty("maxItems", out JsonElement max) && count > max.GetInt32())
        {
            errors.Add($"{At(path)}: more than {max.GetInt32()} items");
            return;
        }

        if (schema.TryGetProperty("items", out JsonElement items))
        {
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                Check(items, item, $"{path}/{i++}", errors, depth + 1);
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement obj, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("required", out JsonElement required))
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                if (!obj.TryGetProperty(name.GetString()!, out _))
                {
                    errors.Add($"{At(path)}: missing required property '{name.GetString()}'");
                }
            }
        }

        schema.TryGetProperty("properties", out JsonElement properties);
        bool hasProperties = properties.ValueKind == JsonValueKind.Object;
        schema.TryGetProperty("additionalProperties", out JsonElement additional);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            string childPath = $"{path}/{Escape(p.Name)}";
            if (!seen.Add(p.Name))
            {
                errors.Add($"{At(childPath)}: duplicate property");
                continue;
            }

            if (hasProperties && properties.TryGetProperty(p.Name, out JsonElement propertySchema))
            {
                Check(propertySchema, p.Value, childPath, errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{At(childPath)}: property not allowed");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(additional, p.Value, childPath, errors, depth + 1);
            }
        }
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => MatchesOne(t.GetString()!, value))
        : MatchesOne(type.GetString()!, value);

    private static bool MatchesOne(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDouble() is var d && Math.Floor(d) == d && double.IsFinite(d),
        _ => throw new NotSupportedException($"type '{type}' is not a JSON Schema type."),
    };

    private static string TypeText(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()))
        : type.GetString()!;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string At(string path) => path.Length == 0 ? "/" : path;
}
