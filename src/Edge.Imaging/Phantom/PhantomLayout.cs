using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>Everything a phantom's seed and options resolve to before a voxel is rendered.</summary>
internal sealed record PhantomLayout(PhantomAnatomy Anatomy, PhantomScan Scan, VolumeGeometry Geometry, LesionSpec? Lesion, BoundaryHarmonics? LesionBoundary);
