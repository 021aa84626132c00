namespace Edge.Store.Documents;

/// <summary>What an outbox entry carries; alerts are published ahead of any summary backlog.</summary>
public enum OutboxKind
{
    Alert,

    Summary,
}
