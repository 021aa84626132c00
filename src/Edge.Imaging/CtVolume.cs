using Edge.Imaging.Geometry;

namespace Edge.Imaging;

/// <summary>
/// A CT volume in Hounsfield units with its patient geometry: the input of every screening model.
/// <para><see cref="Voxels"/> holds HU as float in C order [z, y, x] (x fastest): element
/// <c>(z·Height + y)·Width + x</c>. Slice z = 0 is the slice with the lowest position along the normal
/// (for a standard axial series: the most inferior). See <see cref="VolumeGeometry"/> for the voxel↔LPS mapping.</para>
/// <para>The buffer is the only copy: assembly decodes each frame straight into it, and the operations here work
/// in place or produce one new buffer. It may be longer than the volume (a buffer the service prepared before the
/// series' size was known); the volume is its first <see cref="VolumeShape.VoxelCount"/> elements.</para>
/// </summary>
public sealed class CtVolume
{
    public CtVolume(VolumeGeometry geometry, float[] voxels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(voxels);
        if (voxels.LongLength < geometry.Shape.VoxelCount)
        {
            throw new ArgumentException($"Expected {geometry.Shape.VoxelCount} voxels for shape {geometry.Shape}, got {voxels.LongLength}.", nameof(voxels));
        }

        Geometry = geometry;
        Voxels = voxels;
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>Hounsfield units, [z, y, x] in C order; the buffer may run on past the volume (see <see cref="Data"/>).</summary>
    public float[] Voxels { get; }

    /// <summary>Exactly the volume's voxels.</summary>
    public Span<float> Data => Voxels.AsSpan(0, checked((int)Shape.VoxelCount));

    public VolumeShape Shape => Geometry.Shape;

    public string? StudyInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }

    /// <summary>How many DICOM instances (files) the voxels came from.</summary>
    public int InstanceCount { get; init; }

    public IReadOnlyList<VolumeWarning> Warnings { get; init; } = [];

    public ref float this[int z, int y, int x] => ref Voxels[(((long)z * Shape.Height) + y) * Shape.Width + x];

    /// <summary>One slice (z) as a span of Height × Width values.</summary>
    public Span<float> GetSlice(int z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(z, Shape.Depth);
        return Voxels.AsSpan(z * Shape.SliceLength, Shape.SliceLength);
    }

    /// <summary>Minimum, maximum and mean HU over all voxels (vectorised, one task per slice range).</summary>
    public HuStatistics ComputeStatistics()
    {
        int depth = Shape.Depth;
        var mins = new float[depth];
        var maxs = new float[depth];
        var sums = new double[depth];
        Parallel.For(0, depth, z =>
        {
            (mins[z], maxs[z], sums[z]) = VectorMath.MinMaxSum(GetSlice(z));
        });
        return new HuStatistics(mins.Min(), maxs.Max(), sums.Sum() / Shape.VoxelCount);
    }

    /// <summary>A copy of this volume with another geometry-preserving buffer and the same provenance.</summary>
    internal CtVolume WithData(VolumeGeometry geometry, float[] voxels, IReadOnlyList<VolumeWarning>? extraWarnings = null) =>
        new(geometry, voxels)
        {
            StudyInstanceUid = StudyInstanceUid,
            SeriesInstanceUid = SeriesInstanceUid,
            InstanceCount = InstanceCount,
            Warnings = extraWarnings is null ? Warnings : [.. Warnings, .. extraWarnings],
        };
}
