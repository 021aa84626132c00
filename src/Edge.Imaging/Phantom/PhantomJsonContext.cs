using System.Text.Json.Serialization;

namespace Edge.Imaging.Phantom;

/// <summary>Source-generated JSON for the ground truth: no reflection at start-up, camelCase names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PhantomGroundTruth))]
public sealed partial class PhantomJsonContext : JsonSerializerContext;
