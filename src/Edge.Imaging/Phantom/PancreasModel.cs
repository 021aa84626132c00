namespace Edge.Imaging.Phantom;

/// <summary>
/// A lobulated, elongated pancreas lying across the abdomen: head on the patient's right (LPS −x) in the duodenal
/// C-loop, neck in front of the SMV, body over the SMA and aorta, tail rising toward the splenic hilum (+x).
/// <para>The gland is a tube along x: at each x its cross-section in the (y, z) plane is an ellipse around a
/// centreline interpolated by a cubic Hermite spline through the control points, its ends rounded, and its boundary
/// lobulated by harmonics in the angle around the centreline whose phase travels along x.</para>
/// </summary>
internal sealed class PancreasModel : IPhantomStructure
{
    public const byte Label = 1;

    private readonly PancreasControlPoint[] _points;

    public PancreasModel(PancreasControlPoint[] points, PancreasLobulation lobulation, float hu)
    {
        if (points.Length < 2)
        {
            throw new ArgumentException("A centreline needs at least two points.", nameof(points));
        }

        _points = points;
        Lobulation = lobulation;
        Hu = hu;
    }

    public float Hu { get; }

    public PancreasLobulation Lobulation { get; }

    public double XMin => _points[0].X;

    public double XMax => _points[^1].X;

    public IReadOnlyList<PancreasControlPoint> ControlPoints => _points;

    /// <summary>The centreline point and half-thicknesses at x (clamped to the ends), end caps applied.</summary>
    public PancreasControlPoint At(double x)
    {
        x = Math.Clamp(x, XMin, XMax);
        int k = 0;
        while (k < _points.Length - 2 && x > _points[k + 1].X)
        {
            k++;
        }

        PancreasControlPoint p0 = _points[k], p1 = _points[k + 1];
        double h = p1.X - p0.X, t = (x - p0.X) / h;
        double cap = EndCap(x);
        return new PancreasControlPoint(
            x,
            Hermite(k, t, h, static p => p.Y),
            Hermite(k, t, h, static p => p.Z),
            Hermite(k, t, h, static p => p.Ry) * cap,
            Hermite(k, t, h, static p => p.Rz) * cap);
    }

    public void Paint(SliceCanvas canvas, double z)
    {
        double lmax = Lobulation.MaxAmplitude;
        if (!canvas.ColumnRange(XMin, XMax, out int c0, out int c1))
        {
            return;
        }

        for (int column = c0; column <= c1; column++)
        {
            double x = canvas.X(column);
            PancreasControlPoint p = At(x);
            if (p.Ry <= 0 || p.Rz <= 0)
            {
                continue;
            }

            double t = (z - p.Z) / p.Rz;
            if (Math.Abs(t) >= 1 + lmax ||
                !canvas.RowRange(p.Y - (p.Ry * (1 + lmax)), p.Y + (p.Ry * (1 + lmax)), out int r0, out int r1))
            {
                continue;
            }

            LobulationPhase phase = Lobulation.PhaseAt(x);
            for (int row = r0; row <= r1; row++)
            {
                double u = (canvas.Y(row) - p.Y) / p.Ry;
                double rho2 = (u * u) + (t * t);
                if (rho2 >= (1 + lmax) * (1 + lmax))
                {
                    continue;
                }

                double rho = Math.Sqrt(rho2);
                if (rho2 > 0 && rho >= 1 + Lobulation.Offset(phase, u / rho, t / rho))
                {
                    continue;
                }

                canvas.Set(row, column, Hu, Label);
            }
        }
    }

    // Rounded ends: the half-thickness falls to zero over the last end radius of each end.
    private double EndCap(double x)
    {
        double headCap = _points[0].Ry, tailCap = _points[^1].Ry;
        double fromHead = x - XMin, fromTail = XMax - x;
        double cap = 1;
        if (fromHead < headCap)
        {
            cap = Math.Sqrt(1 - Math.Pow(1 - (fromHead / headCap), 2));
        }

        if (fromTail < tailCap)
        {
            cap = Math.Min(cap, Math.Sqrt(1 - Math.Pow(1 - (fromTail / tailCap), 2)));
        }

        return cap;
    }

    // Cubic Hermite between points k and k+1 with Catmull–Rom tangents for non-uniform x.
    private double Hermite(int k, double t, double h, Func<PancreasControlPoint, double> value)
    {
        double v0 = value(_points[k]), v1 = value(_points[k + 1]);
        double m0 = Tangent(k, value) * h, m1 = Tangent(k + 1, value) * h;
        double t2 = t * t, t3 = t2 * t;
        return (((2 * t3) - (3 * t2) + 1) * v0) + ((t3 - (2 * t2) + t) * m0) + ((-2 * t3 + (3 * t2)) * v1) + ((t3 - t2) * m1);
    }

    private double Tangent(int k, Func<PancreasControlPoint, double> value)
    {
        int a = Math.Max(0, k - 1), b = Math.Min(_points.Length - 1, k + 1);
        return (value(_points[b]) - value(_points[a])) / (_points[b].X - _points[a].X);
    }
}
