namespace Edge.Imaging;

/// <summary>Minimum, maximum and mean of a volume's Hounsfield units.</summary>
public readonly record struct HuStatistics(double Min, double Max, double Mean);
