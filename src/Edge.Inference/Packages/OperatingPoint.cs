namespace Edge.Inference.Packages;

/// <summary>A case-score threshold and the specificity it was calibrated for, with what calibration actually measured.</summary>
public sealed record OperatingPoint
{
    public required string Name { get; init; }
    public required double Threshold { get; init; }

    /// <summary>The specificity the threshold was chosen to reach.</summary>
    public required double TargetSpecificity { get; init; }

    public double? MeasuredSpecificity { get; init; }
    public double? MeasuredSensitivity { get; init; }
    public string? CalibrationSet { get; init; }
}
