namespace Edge.Service.Control.Contracts;

/// <summary><c>POST /forwarding/retry</c>: how many dead letters were queued again.</summary>
public sealed record RetryResponse(int Requeued);
