using LiteDB;

namespace Edge.Store.Documents;

/// <summary>A named, persistent, monotonically increasing counter.</summary>
public sealed class CounterDocument
{
    [BsonId]
    public string Name { get; set; } = "";

    public long Value { get; set; }
}
