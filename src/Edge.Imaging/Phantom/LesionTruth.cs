namespace Edge.Imaging.Phantom;

/// <summary>
/// The lesion (label 2): site, nominal diameter and contrast, its centre in LPS mm and as a fractional voxel index
/// [z, y, x], its size in the label volume, and the mean HU measured in the output over lesion and pancreas voxels.
/// </summary>
public sealed record LesionTruth(
    string Site,
    double DiameterMm,
    double ContrastHu,
    double[] CentreLps,
    double[] CentreVoxel,
    long Voxels,
    double VolumeMl,
    double? MeanHu);
