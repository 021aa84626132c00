namespace Edge.Imaging.Phantom;

/// <summary>
/// Ribs as bands in the body wall. Each rib is highest at the back and descends anteriorly; lower ribs are short
/// (floating ribs stop laterally), upper ones run on into costal cartilage at the front. A slice therefore cuts
/// each rib in short arcs, as on real axial CT.
/// </summary>
internal sealed class RibCageStructure(BodyStructure body, double[] posteriorHeights, double[] minSines, double dropMm, float corticalHu, float marrowHu)
    : IPhantomStructure
{
    private const double RadialHalfMm = 3.5;
    private const double AxialHalfMm = 6;
    private const float CartilageHu = 120;
    private const double SpineClearanceMm = 38;
    private const double BackClearanceMm = 22;

    public void Paint(SliceCanvas canvas, double z)
    {
        if (!AnyRibNear(z))
        {
            return;
        }

        (double a, double b) = body.CavityAt(z);
        a += RadialHalfMm;
        b += RadialHalfMm;
        double cy = body.Cy;
        double outerA = a + RadialHalfMm, outerB = b + RadialHalfMm;
        double innerA = a - RadialHalfMm, innerB = b - RadialHalfMm;
        double meanR = (a + b) / 2;
        if (!canvas.RowRange(cy - outerB, cy + outerB, out int r0, out int r1))
        {
            return;
        }

        for (int row = r0; row <= r1; row++)
        {
            double y = canvas.Y(row);
            double v = (y - cy) / outerB;
            double outerHalf = outerA * Math.Sqrt(Math.Max(0, 1 - (v * v)));
            double vi = (y - cy) / innerB;
            double innerHalf = Math.Abs(vi) < 1 ? innerA * Math.Sqrt(1 - (vi * vi)) : 0;
            PaintRun(canvas, row, y, -outerHalf, -innerHalf, a, b, cy, meanR, z);
            PaintRun(canvas, row, y, innerHalf, outerHalf, a, b, cy, meanR, z);
        }
    }

    private bool AnyRibNear(double z)
    {
        foreach (double h in posteriorHeights)
        {
            if (z < h + AxialHalfMm && z > h - dropMm - AxialHalfMm)
            {
                return true;
            }
        }

        return false;
    }

    private void PaintRun(SliceCanvas canvas, int row, double y, double xMin, double xMax, double a, double b, double cy, double meanR, double z)
    {
        if (!canvas.ColumnRange(xMin, xMax, out int c0, out int c1))
        {
            return;
        }

        for (int column = c0; column <= c1; column++)
        {
            double x = canvas.X(column);

            // Ribs meet the spine laterally and stay inside the flattened back.
            if (Math.Abs(x) < SpineClearanceMm || y > body.BackY - BackClearanceMm)
            {
                continue;
            }

            double u = x / a, w = (y - cy) / b;
            double rho = Math.Sqrt((u * u) + (w * w));
            if (rho == 0)
            {
                continue;
            }

            double radial = (rho - 1) * meanR / RadialHalfMm;
            double sine = w / rho;
            for (int k = 0; k < posteriorHeights.Length; k++)
            {
                if (sine < minSines[k])
                {
                    continue;
                }

                double axial = (z - (posteriorHeights[k] - (dropMm * (1 - sine) / 2))) / AxialHalfMm;
                double d2 = (radial * radial) + (axial * axial);
                if (d2 < 1)
                {
                    float hu = sine < -0.35 ? CartilageHu : d2 > 0.3 ? corticalHu : marrowHu;
                    canvas.Set(row, column, hu, 0);
                    break;
                }
            }
        }
    }
}
