namespace Edge.Imaging.Phantom;

/// <summary>
/// The pancreas in the label volume (label 1, lesion voxels counted as well): size, bounding box in voxels
/// [z, y, x] (inclusive) and in LPS mm, the centreline points of head, body and tail, and its measured mean HU.
/// </summary>
public sealed record PancreasTruth(
    long Voxels,
    double VolumeMl,
    int[] BoxMinVoxel,
    int[] BoxMaxVoxel,
    double[] BoxMinLps,
    double[] BoxMaxLps,
    double[] HeadLps,
    double[] BodyLps,
    double[] TailLps,
    double? MeanHu);
