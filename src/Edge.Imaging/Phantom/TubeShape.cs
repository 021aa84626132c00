namespace Edge.Imaging.Phantom;

/// <summary>
/// A tube running head–feet between <see cref="ZMin"/> and <see cref="ZMax"/> (aorta, IVC, ascending and descending
/// colon): its centre drifts and meanders with z, its calibre can pulse (haustra) and its ends are rounded.
/// </summary>
internal sealed class TubeShape : IShape3D
{
    public required double ZMin { get; init; }

    public required double ZMax { get; init; }

    public required double Cx { get; init; }

    public required double Cy { get; init; }

    public required double Rx { get; init; }

    public required double Ry { get; init; }

    /// <summary>Centre shift in mm per mm of z (from <see cref="ZMax"/> downwards it is applied to z − ZMax).</summary>
    public double DriftX { get; init; }

    public double DriftY { get; init; }

    public double MeanderMm { get; init; }

    public double MeanderPeriodMm { get; init; } = 100;

    public double MeanderPhase { get; init; }

    /// <summary>Relative calibre change with period <see cref="PulsePeriodMm"/> (haustral folds).</summary>
    public double Pulse { get; init; }

    public double PulsePeriodMm { get; init; } = 30;

    public double CapMm { get; init; } = 10;

    public BoundaryHarmonics Harmonics { get; init; }

    public bool TrySection(double z, out Blob2D section)
    {
        if (z <= ZMin || z >= ZMax)
        {
            section = default;
            return false;
        }

        double fromEnd = Math.Min(z - ZMin, ZMax - z);
        double cap = fromEnd >= CapMm ? 1 : Math.Sqrt(1 - Math.Pow(1 - (fromEnd / CapMm), 2));
        double pulse = 1 + (Pulse * Math.Cos(2 * Math.PI * z / PulsePeriodMm));
        double phase = (2 * Math.PI * z / MeanderPeriodMm) + MeanderPhase;
        double dz = z - ZMax;
        double cx = Cx + (DriftX * dz) + (MeanderMm * Math.Sin(phase));
        double cy = Cy + (DriftY * dz) + (MeanderMm * 0.5 * Math.Cos(phase));
        section = new Blob2D(cx, cy, Rx * cap * pulse, Ry * cap * pulse, Harmonics);
        return true;
    }
}
