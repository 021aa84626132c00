namespace Edge.Inference.Evaluation;

/// <summary>Sensitivity at the operating point for lesions of diameter in [MinMm, MaxMm).</summary>
public sealed record SizeBinResult(double MinMm, double MaxMm, int Cases, int Detected)
{
    public double? Sensitivity => Cases == 0 ? null : (double)Detected / Cases;
}
