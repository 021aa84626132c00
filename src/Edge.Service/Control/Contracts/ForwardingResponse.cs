namespace Edge.Service.Control.Contracts;

/// <summary><c>GET /forwarding</c>: the queue's figures and its newest items.</summary>
public sealed record ForwardingResponse(ForwardingStatus Status, IReadOnlyList<ForwardingItem> Items);
