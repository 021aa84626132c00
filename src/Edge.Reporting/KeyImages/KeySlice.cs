namespace Edge.Reporting.KeyImages;

/// <summary>A slice chosen as a key image and the findings marked on it.</summary>
internal sealed record KeySlice(int Z, IReadOnlyList<TrackedFinding> Findings);
