using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>A resolved lesion: where (anatomical LPS, before the table offset), how big and how dark.</summary>
internal sealed record LesionSpec(PancreasSite Site, double DiameterMm, double ContrastHu, Vector3D Centre);
