using Edge.Imaging.Geometry;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Preprocessing;

/// <summary>
/// The stage-2 region of a cascade: the bounding box of the localizer's organ component, grown by half a localizer voxel
/// (its voxels are boxes, not points) and by the margin, mapped to whole voxels of the source volume and clamped to it.
/// The localizer grid is a resampling of the source (same origin and axes), so the mapping is a per-axis scale:
/// source index = localizer index × localizer spacing / source spacing. train/preprocess.py computes the same box.
/// </summary>
public static class CascadeCropper
{
    public static CropBox Compute(Component organ, VolumeGeometry localizer, VolumeGeometry source, IReadOnlyList<double> marginMm)
    {
        ArgumentNullException.ThrowIfNull(organ);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(marginMm);
        int[] min = [int.MaxValue, int.MaxValue, int.MaxValue];
        int[] max = [int.MinValue, int.MinValue, int.MinValue];
        foreach (int voxel in organ.Voxels)
        {
            (int z, int y, int x) = VoxelGeometry.Unravel(voxel, localizer.Shape);
            int[] index = [z, y, x];
            for (int a = 0; a < 3; a++)
            {
                min[a] = Math.Min(min[a], index[a]);
                max[a] = Math.Max(max[a], index[a]);
            }
        }

        double[] localSpacing = localizer.Spacing.ToArray();
        double[] sourceSpacing = source.Spacing.ToArray();
        int[] sizes = source.Shape.ToArray();
        int[] start = new int[3], end = new int[3];
        for (int a = 0; a < 3; a++)
        {
            double lowMm = (min[a] * localSpacing[a]) - (localSpacing[a] / 2) - marginMm[a];
            double highMm = (max[a] * localSpacing[a]) + (localSpacing[a] / 2) + marginMm[a];
            start[a] = Math.Clamp((int)Math.Floor(lowMm / sourceSpacing[a]), 0, sizes[a] - 1);
            end[a] = Math.Clamp((int)Math.Ceiling(highMm / sourceSpacing[a]), start[a], sizes[a] - 1);
        }

        return new CropBox(start[0], start[1], start[2], new VolumeShape(end[0] - start[0] + 1, end[1] - start[1] + 1, end[2] - start[2] + 1));
    }
}
