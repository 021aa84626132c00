namespace Edge.Service.Control.Contracts;

/// <summary>Any 4xx answer: one sentence saying what was wrong.</summary>
public sealed record ErrorResponse(string Error);
