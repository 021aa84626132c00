using Edge.Imaging.Geometry;

namespace Edge.Imaging;

/// <summary>
/// A CT volume in Hounsfield units with its patient geometry: the input of every screening model.
/// <para><see cref="Voxels"/> holds HU as float in C order [z, y, x] (x fastest): element
/// <c>(z·Height + y)·Width + x</c>. Slice z = 0 is the slice with the lowest position along the normal
/// (for a standard axial series: the most inferior). See <see cref="VolumeGeometry"/> for the voxel↔LPS mapping.</para>
/// <para>The buffer is the only copy: assembly decodes each frame straight into it, and the operations here work
/// in place or produce one new buffer. It may be longer than the volume (a buffer lent by an earlier, larger assembly); the
/// volume is its first <see cref="VolumeShape.VoxelCount"/> elements.</para>
/// <para>A volume may instead be made of one array per slice (<see cref="CtVolume(VolumeGeometry, IReadOnlyList{float[]})"/>):
/// the frames the service decoded while the series arrived, taken as they are rather than copied into one buffer on
/// the critical path. <see cref="GetSlice"/>, the indexer and <see cref="ComputeStatistics"/> read such a volume in
/// place, as do the resamplers and the crop; <see cref="Voxels"/> and <see cref="Data"/> copy it into one buffer at
/// their first use (<see cref="IsContiguous"/> then turns true), so code that needs one buffer still works, only later.
/// Writes through a slice are kept by that copy; a slice span taken before it is not redirected to the buffer, so a
/// volume is not written through old slice spans and <see cref="Voxels"/> at the same time.</para>
/// </summary>
public sealed class CtVolume
{
    private readonly Lock _gate = new();
    private readonly float[][]? _slices;
    private float[]? _voxels;

    public CtVolume(VolumeGeometry geometry, float[] voxels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(voxels);
        if (voxels.LongLength < geometry.Shape.VoxelCount)
        {
            throw new ArgumentException($"Expected {geometry.Shape.VoxelCount} voxels for shape {geometry.Shape}, got {voxels.LongLength}.", nameof(voxels));
        }

        Geometry = geometry;
        _voxels = voxels;
    }

    /// <summary>A volume made of one array per slice, z = 0 first, each exactly <see cref="VolumeShape.SliceLength"/> long; the arrays are taken, not copied.</summary>
    public CtVolume(VolumeGeometry geometry, IReadOnlyList<float[]> slices)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count != geometry.Shape.Depth)
        {
            throw new ArgumentException($"Expected {geometry.Shape.Depth} slices for shape {geometry.Shape}, got {slices.Count}.", nameof(slices));
        }

        for (int z = 0; z < slices.Count; z++)
        {
            if (slices[z] is not { } slice || slice.Length != geometry.Shape.SliceLength)
            {
                throw new ArgumentException($"Slice {z} must hold {geometry.Shape.SliceLength} voxels for shape {geometry.Shape}.", nameof(slices));
            }
        }

        Geometry = geometry;
        _slices = [.. slices];
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>
    /// Hounsfield units, [z, y, x] in C order; the buffer may run on past the volume (see <see cref="Data"/>). A volume
    /// made of slices is copied into one buffer here, once.
    /// </summary>
    public float[] Voxels => Volatile.Read(ref _voxels) ?? Join();

    /// <summary>Whether the voxels lie in one buffer (<see cref="Voxels"/> costs nothing); false for a volume still made of slices.</summary>
    public bool IsContiguous => Volatile.Read(ref _voxels) is not null;

    /// <summary>Exactly the volume's voxels.</summary>
    public Span<float> Data => Voxels.AsSpan(0, checked((int)Shape.VoxelCount));

    public VolumeShape Shape => Geometry.Shape;

    public string? StudyInstanceUid { get; init; }

    public string? SeriesInstanceUid { get; init; }

    /// <summary>How many DICOM instances (files) the voxels came from.</summary>
    public int InstanceCount { get; init; }

    public IReadOnlyList<VolumeWarning> Warnings { get; init; } = [];

    public ref float this[int z, int y, int x]
    {
        get
        {
            if (Volatile.Read(ref _voxels) is { } voxels)
            {
                return ref voxels[(((long)z * Shape.Height) + y) * Shape.Width + x];
            }

            return ref _slices![z][(y * Shape.Width) + x];
        }
    }

    /// <summary>One slice (z) as a span of Height × Width values, in place whatever the volume is made of.</summary>
    public Span<float> GetSlice(int z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(z, Shape.Depth);
        return Volatile.Read(ref _voxels) is { } voxels
            ? voxels.AsSpan(z * Shape.SliceLength, Shape.SliceLength)
            : _slices![z].AsSpan();
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

    private float[] Join()
    {
        lock (_gate)
        {
            if (_voxels is { } joined)
            {
                return joined;
            }

            int length = Shape.SliceLength;
            float[][] slices = _slices!;
            var voxels = GC.AllocateUninitializedArray<float>(checked((int)Shape.VoxelCount));
            Parallel.For(0, slices.Length, z => slices[z].CopyTo(voxels.AsSpan(z * length, length)));
            Volatile.Write(ref _voxels, voxels);
            return voxels;
        }
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
