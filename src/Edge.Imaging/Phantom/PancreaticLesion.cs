using Edge.Imaging.Geometry;

namespace Edge.Imaging.Phantom;

/// <summary>
/// A hypo-attenuating pancreatic mass (as ductal adenocarcinoma appears without contrast: a few to 30 HU below the
/// gland): a slightly irregular sphere painted over the pancreas and whatever it pushes into.
/// </summary>
internal sealed class PancreaticLesion(Vector3D centre, double radiusMm, float hu, BoundaryHarmonics harmonics) : IPhantomStructure
{
    public const byte Label = 2;

    public Vector3D Centre => centre;

    public double RadiusMm => radiusMm;

    public float Hu => hu;

    public void Paint(SliceCanvas canvas, double z)
    {
        double dz = z - centre.Z;
        if (Math.Abs(dz) >= radiusMm)
        {
            return;
        }

        double r = Math.Sqrt((radiusMm * radiusMm) - (dz * dz));
        canvas.PaintBlob(new Blob2D(centre.X, centre.Y, r, r, harmonics), hu, Label);
    }
}
