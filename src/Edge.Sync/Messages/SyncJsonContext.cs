using System.Text.Json.Serialization;

namespace Edge.Sync.Messages;

/// <summary>Source-generated JSON for every payload Edge publishes: camelCase, nulls omitted, compact.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(EdgeSummary))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(HeartbeatMessage))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
