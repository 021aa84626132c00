namespace Edge.Inference.Screening;

/// <summary>Wall time per stage of one model on one series, in milliseconds.</summary>
public sealed record StageTimings
{
    /// <summary>Resampling, cropping and normalising (both cascade stages).</summary>
    public double PreprocessMs { get; init; }

    /// <summary>Sliding-window network time, localizer included.</summary>
    public double InferenceMs { get; init; }

    /// <summary>Activation, label map, components, findings and score.</summary>
    public double PostprocessMs { get; init; }

    public double TotalMs => PreprocessMs + InferenceMs + PostprocessMs;
}
