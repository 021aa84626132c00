using System.Reflection;

namespace Edge.Sync.Schema;

/// <summary>The committed summary schema (Schemas/edge-summary-v1.schema.json), embedded in this assembly.</summary>
public static class SummarySchema
{
    public const string ResourceName = "Edge.Sync.Schemas.edge-summary-v1.schema.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchemaValidator> Shared = new(() => new JsonSchemaValidator(Text.Value));

    /// <summary>The schema's JSON text.</summary>
    public static string Json => Text.Value;

    /// <summary>A validator for summaries and alerts (thread-safe).</summary>
    public static JsonSchemaValidator Validator => Shared.Value;
}
