namespace Edge.Imaging.Phantom;

/// <summary>
/// The lobulated outline: r(x, φ) = 1 + A₁cos(2φ + 2πx/λ₁ + ψ₁) + A₂cos(3φ + 2πx/λ₂ + ψ₂) + A₃cos(2πx/λ₃ + ψ₃),
/// φ being the angle around the centreline. Travelling phases make lobules that shift along the gland.
/// </summary>
internal sealed record PancreasLobulation(
    double A1, double Lambda1, double Psi1, double A2, double Lambda2, double Psi2, double A3, double Lambda3, double Psi3)
{
    public double MaxAmplitude => A1 + A2 + A3;

    public LobulationPhase PhaseAt(double x)
    {
        double p1 = (2 * Math.PI * x / Lambda1) + Psi1, p2 = (2 * Math.PI * x / Lambda2) + Psi2;
        return new LobulationPhase(Math.Cos(p1), Math.Sin(p1), Math.Cos(p2), Math.Sin(p2),
            A3 * Math.Cos((2 * Math.PI * x / Lambda3) + Psi3));
    }

    /// <summary>r − 1 for the direction (c, s) around the centreline.</summary>
    public double Offset(in LobulationPhase phase, double c, double s)
    {
        double c2 = (c * c) - (s * s), s2 = 2 * c * s;
        double c3 = (c2 * c) - (s2 * s), s3 = (s2 * c) + (c2 * s);
        double term1 = (c2 * phase.Cos1) - (s2 * phase.Sin1);
        double term2 = (c3 * phase.Cos2) - (s3 * phase.Sin2);
        return (A1 * term1) + (A2 * term2) + phase.Bulge;
    }
}
