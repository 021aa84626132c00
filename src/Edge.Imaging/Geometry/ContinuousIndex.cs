namespace Edge.Imaging.Geometry;

/// <summary>A position in voxel-index space [z, y, x]; integer values are voxel centres.</summary>
public readonly record struct ContinuousIndex(double Z, double Y, double X)
{
    public double[] ToArray() => [Z, Y, X];

    /// <summary>The nearest voxel, which may lie outside the grid.</summary>
    public (int Z, int Y, int X) Round() =>
        ((int)Math.Round(Z, MidpointRounding.AwayFromZero), (int)Math.Round(Y, MidpointRounding.AwayFromZero),
            (int)Math.Round(X, MidpointRounding.AwayFromZero));
}
