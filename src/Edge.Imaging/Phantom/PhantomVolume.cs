using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>
/// A generated phantom: HU as int16 and labels (0 background, 1 pancreas, 2 lesion) as uint8, both [z, y, x] with
/// slice 0 most inferior, the axial geometry, the resolved scan and the ground truth.
/// </summary>
public sealed class PhantomVolume
{
    internal PhantomVolume(VolumeGeometry geometry, short[] hu, byte[] labels, PhantomScan scan, PhantomGroundTruth groundTruth)
    {
        Geometry = geometry;
        Hu = hu;
        Labels = labels;
        Scan = scan;
        GroundTruth = groundTruth;
    }

    public VolumeGeometry Geometry { get; }

    public short[] Hu { get; }

    public byte[] Labels { get; }

    public PhantomScan Scan { get; }

    public PhantomGroundTruth GroundTruth { get; }

    public ReadOnlySpan<short> GetSlice(int z) => Hu.AsSpan(z * Geometry.Shape.SliceLength, Geometry.Shape.SliceLength);

    /// <summary>The same voxels as a float HU volume, as assembly would produce from the DICOM files.</summary>
    public CtVolume ToCtVolume()
    {
        var voxels = GC.AllocateUninitializedArray<float>(Hu.Length);
        Parallel.For(0, Geometry.Depth, z =>
        {
            int n = Geometry.Shape.SliceLength, start = z * n;
            ReadOnlySpan<short> source = Hu.AsSpan(start, n);
            Span<float> destination = voxels.AsSpan(start, n);
            for (int i = 0; i < n; i++)
            {
                destination[i] = source[i];
            }
        });
        return new CtVolume(Geometry, voxels) { InstanceCount = Geometry.Depth };
    }
}
