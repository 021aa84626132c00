namespace Edge.Imaging.Phantom;

/// <summary>
/// A super-ellipsoid organ: different craniocaudal half-lengths above and below its centre, a centre that drifts
/// with z (a kidney's lower pole lies more lateral), and harmonic boundary bumps so no organ is a plain ellipse.
/// </summary>
internal sealed class EllipsoidShape : IShape3D
{
    public required double Cx { get; init; }

    public required double Cy { get; init; }

    public required double Cz { get; init; }

    public required double Rx { get; init; }

    public required double Ry { get; init; }

    public required double RzUp { get; init; }

    public required double RzDown { get; init; }

    /// <summary>Centre shift in mm per mm of z above the centre.</summary>
    public double DriftX { get; init; }

    public double DriftY { get; init; }

    /// <summary>2 gives an ellipsoid; larger values give blunter poles.</summary>
    public double Exponent { get; init; } = 2;

    public BoundaryHarmonics Harmonics { get; init; }

    public bool TrySection(double z, out Blob2D section)
    {
        double dz = z - Cz;
        double t = Math.Abs(dz) / (dz >= 0 ? RzUp : RzDown);
        if (t >= 1)
        {
            section = default;
            return false;
        }

        double scale = Exponent == 2 ? Math.Sqrt(1 - (t * t)) : Math.Pow(1 - Math.Pow(t, Exponent), 1 / Exponent);
        section = new Blob2D(Cx + (DriftX * dz), Cy + (DriftY * dz), Rx * scale, Ry * scale, Harmonics);
        return true;
    }
}
