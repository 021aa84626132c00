namespace Edge.Imaging.Phantom;

/// <summary>A homogeneous organ or vessel: one HU inside its shape.</summary>
internal sealed class SolidStructure(IShape3D shape, float hu, byte label = 0) : IPhantomStructure
{
    public float Hu => hu;

    public void Paint(SliceCanvas canvas, double z)
    {
        if (shape.TrySection(z, out Blob2D section))
        {
            canvas.PaintBlob(section, hu, label);
        }
    }
}
