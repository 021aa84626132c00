namespace Edge.Inference.Postprocessing;

/// <summary>One 3D connected component: the linear indices ([z, y, x] C order) of its voxels.</summary>
public sealed record Component(int[] Voxels)
{
    public int VoxelCount => Voxels.Length;
}
