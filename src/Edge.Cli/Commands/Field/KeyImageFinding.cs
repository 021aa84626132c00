using Edge.Imaging.Geometry;

namespace Edge.Cli.Commands.Field;

/// <summary>A finding as a result reports it (summary, control API): enough to circle it on its slice.</summary>
internal sealed record KeyImageFinding(string Label, Vector3D CentroidLps, double DiameterMm, double? VolumeMl, double? Probability, string? Region);
