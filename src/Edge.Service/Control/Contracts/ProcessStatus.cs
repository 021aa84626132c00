namespace Edge.Service.Control.Contracts;

/// <summary>The process's memory, for spotting growth: resident set, the managed heap within it, and full collections so far.</summary>
public sealed record ProcessStatus(long ResidentBytes, long ManagedHeapBytes, long ManagedCommittedBytes, int Gen2Collections);
