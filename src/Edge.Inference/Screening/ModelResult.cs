namespace Edge.Inference.Screening;

/// <summary>What one model concluded about one series.</summary>
public sealed record ModelResult
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required bool Eligible { get; init; }

    /// <summary>Why the model was not eligible or failed; for a completed run, the operating point used.</summary>
    public string? Reason { get; init; }

    /// <summary>Case-level probability; null when the model did not run.</summary>
    public double? Probability { get; init; }

    public required ScreeningDecision Decision { get; init; }

    /// <summary>The threshold the decision used, and the specificity it was calibrated for.</summary>
    public double? Threshold { get; init; }

    public double? TargetSpecificity { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public StageTimings Timings { get; init; } = new();

    /// <summary>The execution provider the model's networks ran on.</summary>
    public string? ExecutionProvider { get; init; }

    /// <summary>
    /// The per-voxel label map with its grid, for DICOM SEG and key-image outlines; null when the model did not run to
    /// the end. In memory only: no serialised form of a result includes it.
    /// </summary>
    public LabelMap? Labels { get; init; }
}
