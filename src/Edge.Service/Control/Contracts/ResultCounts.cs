namespace Edge.Service.Control.Contracts;

/// <summary>Results kept in the store, by overall decision.</summary>
public sealed record ResultCounts(int Suspicious, int Negative, int NotEligible, int Failed);
