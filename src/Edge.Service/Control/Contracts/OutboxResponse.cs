namespace Edge.Service.Control.Contracts;

/// <summary><c>GET /outbox</c>: backlog figures and the newest entries.</summary>
public sealed record OutboxResponse(OutboxStatus Stats, IReadOnlyList<OutboxItem> Entries);
