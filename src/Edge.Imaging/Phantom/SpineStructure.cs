namespace Edge.Imaging.Phantom;

/// <summary>
/// Lumbar and lower thoracic spine: vertebral bodies (cortical shell, cancellous core) alternating with discs
/// along z, the spinal canal, the neural arch with spinous process, and transverse processes.
/// </summary>
internal sealed class SpineStructure : IPhantomStructure
{
    public required double BodyCy { get; init; }

    public required double BodyRx { get; init; }

    public required double BodyRy { get; init; }

    /// <summary>Height of one vertebra plus its disc (lumbar ≈ 35 mm).</summary>
    public required double PeriodMm { get; init; }

    public required double DiscMm { get; init; }

    public required double Phase { get; init; }

    public required float CorticalHu { get; init; }

    public required float CancellousHu { get; init; }

    public float DiscHu { get; init; } = 85;

    public float CsfHu { get; init; } = 8;

    public double CanalRadius => BodyRy * 0.5;

    public double CanalCy => BodyCy + BodyRy + (CanalRadius * 1.25);

    public void Paint(SliceCanvas canvas, double z)
    {
        double within = ((z - Phase) % PeriodMm + PeriodMm) % PeriodMm;
        const double CortexMm = 2.0;
        if (within < DiscMm)
        {
            // The disc bulges slightly beyond the endplates.
            canvas.PaintEllipse(0, BodyCy, BodyRx * 1.04, BodyRy * 1.04, DiscHu);
            canvas.PaintEllipse(0, CanalCy, CanalRadius * 1.2, CanalRadius * 1.1, CsfHu);
            return;
        }

        canvas.PaintEllipse(0, BodyCy, BodyRx, BodyRy, CorticalHu);
        canvas.PaintEllipse(0, BodyCy, BodyRx - CortexMm, BodyRy - CortexMm, CancellousHu);

        // Neural arch: a bony ring around the canal, the spinous process behind it.
        double archR = CanalRadius + 4;
        canvas.PaintEllipse(0, CanalCy, archR * 1.3, archR, CorticalHu * 0.8f);
        canvas.PaintEllipse(0, CanalCy + archR + 11, 4, 13, CorticalHu * 0.85f);
        canvas.PaintEllipse(0, CanalCy + archR + 11, 2, 11, CancellousHu);
        canvas.PaintEllipse(0, CanalCy, CanalRadius * 1.2, CanalRadius, CsfHu);

        // Transverse processes in the upper part of each vertebra.
        double fraction = (within - DiscMm) / (PeriodMm - DiscMm);
        if (fraction is > 0.45 and < 0.8)
        {
            double px = BodyRx + 6;
            canvas.PaintEllipse(-px, CanalCy - 4, 13, 3.5, CorticalHu * 0.7f);
            canvas.PaintEllipse(px, CanalCy - 4, 13, 3.5, CorticalHu * 0.7f);
        }
    }
}
