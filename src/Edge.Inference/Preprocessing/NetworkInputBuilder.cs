using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;
using Edge.Inference.Packages;

namespace Edge.Inference.Preprocessing;

/// <summary>
/// A volume (already in the network's orientation) → network input on the network's grid: optional anti-aliasing,
/// trilinear resampling to the target spacing (Edge.Imaging's resampler: origin kept, round(n·old/new) voxels per
/// axis), HU clip and normalisation. The source volume is never modified.
/// </summary>
public static class NetworkInputBuilder
{
    /// <param name="mayModify">The caller hands over a volume it no longer needs (e.g. a crop), so filtering may work in place.</param>
    public static CtVolume Build(CtVolume volume, PreprocessingSpec spec, bool mayModify = false, ResampleOptions? resampling = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(spec);
        var target = new VoxelSpacing(spec.TargetSpacingMm[0], spec.TargetSpacingMm[1], spec.TargetSpacingMm[2]);
        CtVolume source = volume;
        if (spec.Antialias && NeedsFilter(volume.Geometry.Spacing, target))
        {
            source = mayModify ? volume : VolumeOps.Crop(volume, 0, 0, 0, volume.Shape);   // never filter the caller's volume
            AntialiasFilter.Apply(source, target);
        }

        CtVolume resampled = TrilinearResampler.Resample(source, target, resampling);
        IntensityNormalizer.Apply(resampled, spec);
        return resampled;
    }

    private static bool NeedsFilter(VoxelSpacing current, VoxelSpacing target) =>
        target.Z > current.Z || target.Y > current.Y || target.X > current.X;
}
