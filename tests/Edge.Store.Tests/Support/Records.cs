using Edge.Store.Documents;

namespace Edge.Tests.Support;

/// <summary>Small builders for store documents.</summary>
internal static class Records
{
    public static ResultRecord Result(string seriesUid, Decision decision = Decision.Negative) => new()
    {
        Id = Guid.NewGuid(),
        SeriesInstanceUid = seriesUid,
        StudyInstanceUid = "2.25.77",
        CreatedAt = DateTimeOffset.UtcNow,
        Decision = decision,
        Models = [new ModelResult { Id = "pancreas", Version = "1.0.0", Eligible = true, Decision = decision }],
    };

    public static OutboxEntry Message(OutboxKind kind, string text) => new()
    {
        MessageId = Guid.NewGuid(),
        Kind = kind,
        Topic = kind == OutboxKind.Alert ? "edge/v1/s/d/alert" : "edge/v1/s/d/summary",
        Payload = System.Text.Encoding.UTF8.GetBytes(text),
        SchemaVersion = "1",
    };
}
