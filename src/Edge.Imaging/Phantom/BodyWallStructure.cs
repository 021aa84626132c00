namespace Edge.Imaging.Phantom;

/// <summary>The body wall painted last among the soft tissues, to confine organs to the cavity.</summary>
internal sealed class BodyWallStructure(BodyStructure body) : IPhantomStructure
{
    public void Paint(SliceCanvas canvas, double z) => body.PaintWall(canvas, z);
}
