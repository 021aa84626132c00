using Edge.Imaging.Geometry;

namespace Edge.Inference.Postprocessing;

/// <summary>Linear voxel index ↔ patient position helpers for label maps laid out like the grid of a <see cref="VolumeGeometry"/>.</summary>
internal static class VoxelGeometry
{
    public static (int Z, int Y, int X) Unravel(int index, VolumeShape shape)
    {
        int plane = shape.SliceLength;
        return (index / plane, index % plane / shape.Width, index % shape.Width);
    }

    public static Vector3D Position(int index, VolumeGeometry geometry)
    {
        (int z, int y, int x) = Unravel(index, geometry.Shape);
        return geometry.IndexToPatient(z, y, x);
    }
}
