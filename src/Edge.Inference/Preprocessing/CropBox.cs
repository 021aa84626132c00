using Edge.Imaging.Geometry;

namespace Edge.Inference.Preprocessing;

/// <summary>A box of whole voxels of a volume: its first voxel [z, y, x] and its shape.</summary>
public readonly record struct CropBox(int Z0, int Y0, int X0, VolumeShape Shape);
