namespace Edge.Inference.Screening;

/// <summary>Every active model's result for one series; the volume was loaded once for all of them.</summary>
public sealed record ScreeningReport
{
    public required IReadOnlyList<ModelResult> Models { get; init; }

    /// <summary>The provider the first model ran on ("CPU", "CUDA", "TensorRT"), or "none" when no model ran.</summary>
    public required string ExecutionProvider { get; init; }

    public string? SeriesInstanceUid { get; init; }

    /// <summary>Volume assembly from the DICOM files.</summary>
    public double LoadMs { get; init; }
}
