namespace Edge.Inference.Evaluation;

/// <summary>One phantom of an evaluation cohort: its generator seed, scan and (optional) lesion.</summary>
public sealed record CohortCase
{
    public required int Index { get; init; }
    public required int Seed { get; init; }
    public required int Size { get; init; }
    public required double ThicknessMm { get; init; }
    public required int Slices { get; init; }
    public double? LesionMm { get; init; }
    public string? Site { get; init; }
    public double? ContrastHu { get; init; }
    public bool HasLesion => LesionMm is not null;
}
