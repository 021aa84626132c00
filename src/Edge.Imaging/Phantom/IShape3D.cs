namespace Edge.Imaging.Phantom;

/// <summary>A 3D shape that yields its cross-section in the axial plane at a given LPS z.</summary>
internal interface IShape3D
{
    bool TrySection(double z, out Blob2D section);
}
