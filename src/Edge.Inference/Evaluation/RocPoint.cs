namespace Edge.Inference.Evaluation;

/// <summary>One point of a ROC curve: calling cases at or above <see cref="Threshold"/> positive gives these rates.</summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
