namespace Edge.Imaging.Phantom;

/// <summary>
/// A point of the pancreas centreline at LPS x: the centre (y, z) of its cross-section in the sagittal plane
/// and the half-thickness antero-posterior (<see cref="Ry"/>) and cranio-caudal (<see cref="Rz"/>).
/// </summary>
internal readonly record struct PancreasControlPoint(double X, double Y, double Z, double Ry, double Rz);
