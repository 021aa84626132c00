namespace Edge.Imaging.Phantom;

/// <summary>
/// The trunk in layers: skin, subcutaneous fat, the muscle wall, and visceral fat filling the cavity, over a
/// curved scanner table. The back is flattened where the supine patient lies on the table.
/// </summary>
internal sealed class BodyStructure : IPhantomStructure
{
    public required double HalfWidth { get; init; }

    public required double HalfDepth { get; init; }

    public required double Cy { get; init; }

    /// <summary>Relative half-width change over z, so the waist and flanks differ between levels.</summary>
    public double WaistVariation { get; init; }

    public double WaistPhase { get; init; }

    public required double SkinMm { get; init; }

    public required double FatLateralMm { get; init; }

    public required double FatAnteriorMm { get; init; }

    public required double MuscleMm { get; init; }

    public required float SkinHu { get; init; }

    public required float FatHu { get; init; }

    public required float MuscleHu { get; init; }

    public required float VisceralFatHu { get; init; }

    public float TableHu { get; init; } = 180;

    /// <summary>Fat between the back muscles and the skin (half the anterior thickness).</summary>
    public double BackFatMm => SkinMm + (FatAnteriorMm * 0.5);

    /// <summary>y of the flat back: the posterior boundary of the body.</summary>
    public double BackY => Cy + (HalfDepth * 0.86);

    /// <summary>The inner boundary of the muscle wall (the abdominal cavity) at z, for the rib cage to follow.</summary>
    public (double HalfWidth, double HalfDepth) CavityAt(double z)
    {
        double a = WidthAt(z);
        return (a - SkinMm - FatLateralMm - MuscleMm, HalfDepth - SkinMm - FatAnteriorMm - MuscleMm);
    }

    public void Paint(SliceCanvas canvas, double z)
    {
        PaintTable(canvas);
        PaintLayers(canvas, z, includeCavity: true);
    }

    /// <summary>
    /// Paints the wall again without the cavity, after the organs: whatever an organ pushed beyond the cavity is
    /// clipped, as the peritoneum confines the viscera.
    /// </summary>
    public void PaintWall(SliceCanvas canvas, double z) => PaintLayers(canvas, z, includeCavity: false);

    private void PaintLayers(SliceCanvas canvas, double z, bool includeCavity)
    {
        double a = WidthAt(z);
        double fatInsetX = SkinMm + FatLateralMm, fatInsetY = SkinMm + FatAnteriorMm;
        var cavity = new Layer(a - fatInsetX - MuscleMm, HalfDepth - fatInsetY - MuscleMm, (fatInsetY * 0.5) + MuscleMm);
        Layer? hole = includeCavity ? null : cavity;
        PaintLayer(canvas, new Layer(a, HalfDepth, 0), hole, SkinHu);
        PaintLayer(canvas, new Layer(a - SkinMm, HalfDepth - SkinMm, SkinMm), hole, FatHu);
        PaintLayer(canvas, new Layer(a - fatInsetX, HalfDepth - fatInsetY, fatInsetY * 0.5), hole, MuscleHu);
        if (includeCavity)
        {
            PaintLayer(canvas, cavity, null, VisceralFatHu);
        }
    }

    private double WidthAt(double z) => HalfWidth * (1 + (WaistVariation * Math.Sin((z / 90) + WaistPhase)));

    private void PaintLayer(SliceCanvas canvas, Layer layer, Layer? hole, float hu)
    {
        if (layer.A <= 0 || layer.B <= 0 || !canvas.RowRange(Cy - layer.B, layer.YMax(this), out int r0, out int r1))
        {
            return;
        }

        for (int row = r0; row <= r1; row++)
        {
            double y = canvas.Y(row);
            double half = layer.HalfWidthAt(y, Cy);
            double holeHalf = hole is { } h && y <= h.YMax(this) ? h.HalfWidthAt(y, Cy) : -1;
            if (holeHalf < 0)
            {
                canvas.PaintSpan(row, -half, half, hu);
                continue;
            }

            canvas.PaintSpan(row, -half, -holeHalf - 1e-6, hu);
            canvas.PaintSpan(row, holeHalf + 1e-6, half, hu);
        }
    }

    /// <summary>One elliptical layer of the trunk, cut flat at the back by <see cref="BackInset"/>.</summary>
    private readonly record struct Layer(double A, double B, double BackInset)
    {
        public double YMax(BodyStructure body) => Math.Min(body.Cy + B, body.BackY - BackInset);

        /// <summary>Half-width at y, or −1 outside the layer.</summary>
        public double HalfWidthAt(double y, double cy)
        {
            double v = (y - cy) / B;
            return Math.Abs(v) > 1 ? -1 : A * Math.Sqrt(1 - (v * v));
        }
    }

    // A carbon-fibre table cradling the back (its sides rise anteriorly); no anatomy, but every real scan shows one.
    private void PaintTable(SliceCanvas canvas)
    {
        const double Thickness = 4, Gap = 4, Curvature = 1.0 / 1400;
        double top = BackY + Gap;
        double halfFov = Math.Max(Math.Abs(canvas.X0), Math.Abs(canvas.X(canvas.Width - 1)));
        if (!canvas.RowRange(top - (halfFov * halfFov * Curvature), top + Thickness, out int r0, out int r1))
        {
            return;
        }

        for (int row = r0; row <= r1; row++)
        {
            double y = canvas.Y(row);
            for (int column = 0; column < canvas.Width; column++)
            {
                double x = canvas.X(column);
                double surface = top - (x * x * Curvature);
                if (y >= surface && y <= surface + Thickness)
                {
                    canvas.Set(row, column, TableHu, 0);
                }
            }
        }
    }
}
