namespace Edge.Inference.Packages;

public enum NormalizationScheme
{
    /// <summary>(x − mean) / std with stored statistics, after the optional HU clip.</summary>
    ZScore,

    /// <summary>
    /// nnU-Net's CT scheme: clip to the 0.5–99.5 percentiles of foreground intensities of the training set (stored as
    /// <see cref="NormalizationSpec.Clip"/>), then z-score with the foreground mean and std stored beside them.
    /// </summary>
    CtPercentile,
}
