using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Imaging.Geometry;

namespace Edge.Imaging.Eligibility;

/// <summary>
/// Per-model selection rules read from JSON (format in RULES.md): <c>{"models": [{"name": ..., "conditions": {...}}]}</c>,
/// also accepting MONAI Deploy's <c>"selections"</c> for the list. Parsing validates everything up front and throws
/// <see cref="RuleFormatException"/> naming the JSON path of the first fault.
/// </summary>
public sealed partial class RuleSet(IReadOnlyList<ModelRule> models)
{
    /// <summary>A rules file is configuration, not data; 1 MiB is far beyond any real one.</summary>
    public const int MaxFileBytes = 1 << 20;

    public IReadOnlyList<ModelRule> Models => models;

    public IReadOnlyList<EligibilityResult> Evaluate(SeriesProperties series) => [.. models.Select(m => m.Evaluate(series))];

    public static RuleSet Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new RuleFormatException($"rules file '{path}' does not exist");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new RuleFormatException($"rules file '{path}' is {info.Length} bytes; at most {MaxFileBytes} allowed");
        }

        return Parse(File.ReadAllText(path));
    }

    public static RuleSet Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RuleFormatException($"rules are not valid JSON: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RuleFormatException("$: rules must be a JSON object with a \"models\" array");
            }

            string listName = root.TryGetProperty("models", out _) ? "models" : "selections";
            if (!root.TryGetProperty(listName, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new RuleFormatException("$: rules need a \"models\" array");
            }

            var rules = new List<ModelRule>();
            int index = 0;
            foreach (JsonElement model in list.EnumerateArray())
            {
                rules.Add(ParseModel(model, $"$.{listName}[{index++}]"));
            }

            var duplicate = rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new RuleFormatException($"$.{listName}: model name '{duplicate.Key}' appears more than once");
            }

            return new RuleSet(rules);
        }
    }

    /// <summary>Parses one model entry (<c>{"name", "description"?, "conditions"}</c>), e.g. embedded in a model manifest.</summary>
    public static ModelRule ParseModel(JsonElement model, string path = "$")
    {
        if (model.ValueKind != JsonValueKind.Object)
        {
            throw new RuleFormatException($"{path}: a model rule must be an object");
        }

        string name = model.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString())
            ? n.GetString()!
            : throw new RuleFormatException($"{path}.name: a non-empty string is required");
        string? description = model.TryGetProperty("description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (!model.TryGetProperty("conditions", out JsonElement conditions) || conditions.ValueKind != JsonValueKind.Object)
        {
            throw new RuleFormatException($"{path}.conditions: an object of property: condition pairs is required");
        }

        var list = new List<RuleCondition>();
        foreach (JsonProperty property in conditions.EnumerateObject())
        {
            list.Add(ParseCondition(property.Name, property.Value, $"{path}.conditions.{property.Name}"));
        }

        return new ModelRule(name, list, description);
    }

    private static RuleCondition ParseCondition(string property, JsonElement value, string path)
    {
        if (string.IsNullOrWhiteSpace(property))
        {
            throw new RuleFormatException($"{path}: empty property name");
        }

        bool orientation = property.Equals(DerivedProperty.Orientation, StringComparison.OrdinalIgnoreCase) ||
                           property.Equals("ImageOrientationPatient", StringComparison.OrdinalIgnoreCase);
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String when orientation => ParseOrientation(property, [value.GetString()!], path),
                JsonValueKind.String => ParseString(property, value.GetString()!),
                JsonValueKind.Number => new NumberEqualsCondition(property, value.GetDouble()),
                JsonValueKind.True => new BooleanCondition(property, true),
                JsonValueKind.False => new BooleanCondition(property, false),
                JsonValueKind.Array => ParseArray(property, value, orientation, path),
                JsonValueKind.Object => ParseObject(property, value, path),
                _ => throw new RuleFormatException($"{path}: null is not a condition"),
            };
        }
        catch (ArgumentException e)
        {
            throw new RuleFormatException($"{path}: {e.Message}");
        }
    }

    private static RuleCondition ParseString(string property, string text)
    {
        Match comparison = ComparisonPattern().Match(text);
        if (comparison.Success &&
            double.TryParse(comparison.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double operand))
        {
            ComparisonOperator op = comparison.Groups[1].Value switch
            {
                "<" => ComparisonOperator.Less,
                "<=" => ComparisonOperator.LessOrEqual,
                ">" => ComparisonOperator.Greater,
                ">=" => ComparisonOperator.GreaterOrEqual,
                "==" => ComparisonOperator.Equal,
                _ => ComparisonOperator.NotEqual,
            };
            return new ComparisonCondition(property, op, operand);
        }

        bool negated = text.StartsWith('!');
        return new RegexCondition(property, negated ? text[1..] : text, negated);
    }

    private static RuleCondition ParseArray(string property, JsonElement array, bool orientation, string path)
    {
        JsonElement[] items = [.. array.EnumerateArray()];
        if (items.Length > 0 && items.All(i => i.ValueKind == JsonValueKind.String))
        {
            string[] texts = [.. items.Select(i => i.GetString()!)];
            if (orientation)
            {
                return ParseOrientation(property, texts, path);
            }

            return new SetCondition(property, [.. texts.Where(t => !t.StartsWith('!'))], [.. texts.Where(t => t.StartsWith('!')).Select(t => t[1..])]);
        }

        if (items.Length == 2 && items.All(i => i.ValueKind is JsonValueKind.Number or JsonValueKind.Null))
        {
            return new RangeCondition(property, NumberOrNull(items[0]), NumberOrNull(items[1]));
        }

        throw new RuleFormatException($"{path}: an array is either strings (set matching) or [min, max] numbers (a range)");
    }

    private static RuleCondition ParseObject(string property, JsonElement value, string path)
    {
        double? min = null, max = null;
        foreach (JsonProperty p in value.EnumerateObject())
        {
            if (p.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
            {
                throw new RuleFormatException($"{path}.{p.Name}: a number is required");
            }

            switch (p.Name)
            {
                case "min":
                    min = NumberOrNull(p.Value);
                    break;
                case "max":
                    max = NumberOrNull(p.Value);
                    break;
                default:
                    throw new RuleFormatException($"{path}.{p.Name}: unknown key (an object condition takes \"min\" and \"max\")");
            }
        }

        return new RangeCondition(property, min, max);
    }

    private static OrientationCondition ParseOrientation(string property, IReadOnlyList<string> texts, string path)
    {
        var allowed = new List<SliceOrientation>();
        var excluded = new List<SliceOrientation>();
        foreach (string text in texts)
        {
            bool not = text.StartsWith('!');
            string word = not ? text[1..] : text;
            if (word.Length == 0 || !char.IsLetter(word[0]) || !Enum.TryParse(word, ignoreCase: true, out SliceOrientation o))
            {
                throw new RuleFormatException($"{path}: '{text}' is not Axial, Coronal, Sagittal or Oblique");
            }

            (not ? excluded : allowed).Add(o);
        }

        return new OrientationCondition(property, allowed, excluded);
    }

    private static double? NumberOrNull(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    [GeneratedRegex(@"^\s*(<=|>=|==|!=|<|>)\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex ComparisonPattern();
}
