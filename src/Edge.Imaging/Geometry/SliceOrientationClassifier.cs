namespace Edge.Imaging.Geometry;

/// <summary>Names the plane of a slice normal (Axial, Coronal, Sagittal or Oblique).</summary>
public static class SliceOrientationClassifier
{
    /// <summary>
    /// A normal more than this far from every LPS axis is oblique. Any normal is within 54.7° of some axis, so the
    /// cut-off must be below that; 30° still calls a tilted (≤ 30° gantry) acquisition axial, as scanners and viewers do.
    /// </summary>
    public const double ObliqueThresholdDegrees = 30;

    public static SliceOrientation Classify(Vector3D normal)
    {
        Vector3D n = normal.Normalize();
        double ax = Math.Abs(n.X), ay = Math.Abs(n.Y), az = Math.Abs(n.Z);
        double max = Math.Max(ax, Math.Max(ay, az));
        if (max == 0 || Math.Acos(Math.Min(1, max)) * 180 / Math.PI > ObliqueThresholdDegrees)
        {
            return SliceOrientation.Oblique;
        }

        return max == az ? SliceOrientation.Axial : max == ay ? SliceOrientation.Coronal : SliceOrientation.Sagittal;
    }
}
