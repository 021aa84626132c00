namespace Edge.Imaging.Phantom;

/// <summary>
/// An ellipse in one slice whose boundary is perturbed by harmonics 2–4:
/// r(θ) = 1 + Σₖ Aₖ·cos kθ + Bₖ·sin kθ, in coordinates normalised by the radii.
/// </summary>
internal readonly record struct Blob2D(double Cx, double Cy, double Rx, double Ry, BoundaryHarmonics Harmonics)
{
    public static Blob2D Ellipse(double cx, double cy, double rx, double ry) => new(cx, cy, rx, ry, BoundaryHarmonics.None);

    /// <summary>The half extent of the bounding box, harmonics included.</summary>
    public double HalfWidth => Rx * (1 + Harmonics.MaxAmplitude);

    public double HalfHeight => Ry * (1 + Harmonics.MaxAmplitude);

    public Blob2D Inset(double mm) => this with { Rx = Rx - mm, Ry = Ry - mm };

    /// <summary>Normalised radius at the point: below 1 is inside.</summary>
    public double RelativeRadius(double x, double y)
    {
        double u = (x - Cx) / Rx, v = (y - Cy) / Ry;
        double rho2 = (u * u) + (v * v);
        if (Harmonics.MaxAmplitude == 0 || rho2 == 0)
        {
            return Math.Sqrt(rho2);
        }

        double rho = Math.Sqrt(rho2);
        return rho / Harmonics.Radius(u / rho, v / rho);
    }
}
