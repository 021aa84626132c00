namespace Edge.Imaging.Geometry;

/// <summary>The size of a voxel grid in numpy order [z, y, x]: slices, rows, columns.</summary>
public readonly record struct VolumeShape(int Depth, int Height, int Width)
{
    public long VoxelCount => (long)Depth * Height * Width;

    public int SliceLength => Height * Width;

    public int[] ToArray() => [Depth, Height, Width];

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Depth}, {Height}, {Width}]");
}
