namespace Edge.Imaging.Phantom;

/// <summary>Cosine and sine amplitudes of boundary harmonics 2, 3 and 4 (relative to the radius).</summary>
internal readonly record struct BoundaryHarmonics(double A2, double B2, double A3, double B3, double A4, double B4)
{
    public static BoundaryHarmonics None => default;

    /// <summary>An upper bound of |r(θ) − 1|, used to skip the harmonics far from the boundary.</summary>
    public double MaxAmplitude => Hyp(A2, B2) + Hyp(A3, B3) + Hyp(A4, B4);

    public static BoundaryHarmonics Random(PhantomRandom random, double amplitude) =>
        new(Amp(random, amplitude), Amp(random, amplitude), Amp(random, amplitude * 0.6), Amp(random, amplitude * 0.6),
            Amp(random, amplitude * 0.3), Amp(random, amplitude * 0.3));

    /// <summary>r(θ) for the unit direction (c, s) = (cos θ, sin θ); multiple angles by complex powers, no trigonometry.</summary>
    public double Radius(double c, double s)
    {
        double c2 = (c * c) - (s * s), s2 = 2 * c * s;
        double c3 = (c2 * c) - (s2 * s), s3 = (s2 * c) + (c2 * s);
        double c4 = (c2 * c2) - (s2 * s2), s4 = 2 * c2 * s2;
        return 1 + (A2 * c2) + (B2 * s2) + (A3 * c3) + (B3 * s3) + (A4 * c4) + (B4 * s4);
    }

    private static double Amp(PhantomRandom random, double amplitude) => random.Around(0, amplitude / Math.Sqrt(2));

    private static double Hyp(double a, double b) => Math.Sqrt((a * a) + (b * b));
}
