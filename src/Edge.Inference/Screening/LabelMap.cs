using Edge.Imaging.Geometry;

namespace Edge.Inference.Screening;

/// <summary>
/// A model run's per-voxel label map (the manifest's label values: 0 background, then e.g. 1 pancreas, 2 lesion; one
/// byte per voxel, [z, y, x] with x fastest) on the grid it was computed on: the main network's grid, i.e. the
/// series reoriented to the network's orientation, cropped to the cascade's box and resampled to the target spacing.
/// <see cref="Geometry"/> places that grid in the patient (shape, spacing, origin, direction), so DICOM SEG can map it
/// onto the source series (Edge.Reporting's <c>LabelVolume(Geometry, Values)</c> takes it as is).
/// Postprocessing has been applied (the organ is its largest component); finding components smaller than the
/// manifest's minimum volume are still in the map, unreported.
/// It stays in memory: results stored or published (store documents, MQTT summaries, infer JSON) never carry it.
/// </summary>
public sealed class LabelMap
{
    public LabelMap(VolumeGeometry geometry, byte[] values)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(values);
        if (values.LongLength != geometry.Shape.VoxelCount)
        {
            throw new ArgumentException($"a label map for shape {geometry.Shape} needs {geometry.Shape.VoxelCount} voxels, got {values.LongLength}", nameof(values));
        }

        Geometry = geometry;
        Values = values;
    }

    public VolumeGeometry Geometry { get; }

    /// <summary>The labels, [z, y, x] with x fastest.</summary>
    public byte[] Values { get; }

    public VolumeShape Shape => Geometry.Shape;

    public VoxelSpacing Spacing => Geometry.Spacing;

    /// <summary>Patient position (LPS mm) of the centre of voxel [0, 0, 0].</summary>
    public Vector3D Origin => Geometry.Origin;

    /// <summary>Row, column and slice direction cosines, as <see cref="VolumeGeometry.Direction"/>.</summary>
    public double[] Direction => Geometry.Direction;

    public byte this[int z, int y, int x] => Values[(((long)z * Shape.Height) + y) * Shape.Width + x];

    /// <summary>How many voxels carry <paramref name="value"/>.</summary>
    public long Count(byte value) => Values.AsSpan().Count(value);
}
