namespace Edge.Imaging.Phantom;

/// <summary>One anatomical structure that paints its cross-section at LPS z onto a slice.</summary>
internal interface IPhantomStructure
{
    void Paint(SliceCanvas canvas, double z);
}
