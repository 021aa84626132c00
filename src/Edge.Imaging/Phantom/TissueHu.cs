namespace Edge.Imaging.Phantom;

/// <summary>
/// Non-contrast attenuation of each tissue for one phantom, drawn by seed within published adult ranges
/// (fat −110…−90, muscle 45–58, liver 54–66, spleen 44–50, kidney 28–35, pancreas 40–50, blood 35–45 HU).
/// </summary>
public sealed record TissueHu(
    double Fat,
    double Muscle,
    double Liver,
    double Spleen,
    double Kidney,
    double Pancreas,
    double Blood,
    double CorticalBone,
    double CancellousBone,
    double Bile,
    double BowelWall,
    double BowelFluid);
