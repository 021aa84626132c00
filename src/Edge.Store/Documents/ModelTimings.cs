namespace Edge.Store.Documents;

/// <summary>Wall-clock milliseconds one model spent, by step.</summary>
public sealed class ModelTimings
{
    public double? PreprocessMs { get; set; }

    public double? InferenceMs { get; set; }

    public double? PostprocessMs { get; set; }

    public double? TotalMs { get; set; }
}
