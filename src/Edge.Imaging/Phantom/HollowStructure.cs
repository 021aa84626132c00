namespace Edge.Imaging.Phantom;

/// <summary>Stomach, bowel and colon: a soft-tissue wall around gas, fluid or stool.</summary>
internal sealed class HollowStructure(IShape3D shape, float wallHu, double wallMm, BowelContent content, float fluidHu, double gasFraction)
    : IPhantomStructure
{
    private const float GasHu = -1000;

    public void Paint(SliceCanvas canvas, double z)
    {
        if (!shape.TrySection(z, out Blob2D outer))
        {
            return;
        }

        canvas.PaintBlob(outer, wallHu);
        Blob2D inner = outer.Inset(Math.Max(wallMm, canvas.PixelMm));
        switch (content)
        {
            case BowelContent.Fluid:
                canvas.PaintBlob(inner, fluidHu);
                break;
            case BowelContent.Gas:
                canvas.PaintBlob(inner, GasHu);
                break;
            default:
                PaintMixed(canvas, inner, z);
                break;
        }
    }

    private void PaintMixed(SliceCanvas canvas, Blob2D inner, double z)
    {
        if (inner.Rx <= 0 || inner.Ry <= 0 ||
            !canvas.RowRange(inner.Cy - inner.HalfHeight, inner.Cy + inner.HalfHeight, out int r0, out int r1) ||
            !canvas.ColumnRange(inner.Cx - inner.HalfWidth, inner.Cx + inner.HalfWidth, out int c0, out int c1))
        {
            return;
        }

        // Gas rises to the anterior (low y) side of a supine patient.
        double level = inner.Cy - inner.HalfHeight + (2 * inner.HalfHeight * gasFraction);
        int zKey = (int)Math.Round(z * 4);
        for (int row = r0; row <= r1; row++)
        {
            double y = canvas.Y(row);
            for (int column = c0; column <= c1; column++)
            {
                double x = canvas.X(column);
                if (inner.RelativeRadius(x, y) >= 1)
                {
                    continue;
                }

                float hu = content == BowelContent.GasFluid
                    ? (y < level ? GasHu : fluidHu)
                    : StoolHu(column / 3, row / 3, zKey / 8, fluidHu);
                canvas.Set(row, column, hu, 0);
            }
        }
    }

    // Mottled faeces: blocks of ~3 pixels that are gas bubbles (about a third) or soft matter.
    private static float StoolHu(int a, int b, int c, float baseHu)
    {
        uint h = unchecked(((uint)a * 73856093u) ^ ((uint)b * 19349663u) ^ ((uint)c * 83492791u));
        h ^= h >> 13;
        h *= 0x5bd1e995u;
        h ^= h >> 15;
        return (h & 0xFF) < 85 ? -700 - (h >> 24) : baseHu + ((h >> 8) & 0x3F) - 20;
    }
}
