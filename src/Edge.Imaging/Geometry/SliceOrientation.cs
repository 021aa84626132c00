namespace Edge.Imaging.Geometry;

/// <summary>The anatomical plane of a stack, from the dominant LPS component of its slice normal.</summary>
public enum SliceOrientation
{
    /// <summary>Normal mostly along LPS z (head–feet): transverse slices.</summary>
    Axial,

    /// <summary>Normal mostly along LPS y (anterior–posterior).</summary>
    Coronal,

    /// <summary>Normal mostly along LPS x (right–left).</summary>
    Sagittal,

    /// <summary>No LPS axis dominates the normal (more than <see cref="SliceOrientationClassifier.ObliqueThresholdDegrees"/> off every axis).</summary>
    Oblique,
}
