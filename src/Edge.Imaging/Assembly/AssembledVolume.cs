using Edge.Imaging.Eligibility;

namespace Edge.Imaging.Assembly;

/// <summary>A series made into a volume: the voxels, the plan that placed them, and the properties rules evaluate.</summary>
public sealed record AssembledVolume(CtVolume Volume, StackPlan Plan, SeriesProperties Properties);
