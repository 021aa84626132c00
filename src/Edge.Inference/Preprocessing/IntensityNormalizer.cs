using Edge.Imaging;
using Edge.Imaging.Resampling;
using Edge.Inference.Packages;

namespace Edge.Inference.Preprocessing;

/// <summary>Applies a network's HU clip and normalisation in place, with the statistics stored in its manifest.</summary>
public static class IntensityNormalizer
{
    public static void Apply(CtVolume volume, PreprocessingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.HuClip is { } window)
        {
            VolumeOps.Clip(volume, (float)window.Low, (float)window.High);
        }

        NormalizationSpec normalization = spec.Normalization;
        if (normalization.Scheme == NormalizationScheme.CtPercentile && normalization.Clip is { } percentiles)
        {
            VolumeOps.Clip(volume, (float)percentiles.Low, (float)percentiles.High);
        }

        VolumeOps.Standardize(volume, (float)normalization.Mean, (float)normalization.Std);
    }
}
