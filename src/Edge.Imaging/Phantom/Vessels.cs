namespace Edge.Imaging.Phantom;

/// <summary>
/// The great vessels at the pancreas level, which the gland is placed against: aorta in front of the spine, IVC to
/// its right, the SMA leaving the aorta forward and down, the SMV to the SMA's right, and the portal vein rising from
/// behind the pancreatic neck to the liver hilum. Unenhanced blood is darker than liver, so these show as they do on
/// a real non-contrast scan.
/// </summary>
internal sealed record Vessels(
    TissueHu Tissue,
    double AortaX,
    double AortaY,
    double AortaRadius,
    double IvcX,
    double IvcY,
    double SmaX,
    double SmaY,
    double SmaTopZ,
    double SmvX,
    double SmvY)
{
    public void AddTo(List<IPhantomStructure> structures)
    {
        float blood = (float)Tissue.Blood;
        structures.Add(new SolidStructure(new TubeShape { ZMin = -400, ZMax = 1000, Cx = IvcX, Cy = IvcY, Rx = 13, Ry = 9 }, blood));
        structures.Add(new SolidStructure(new TubeShape { ZMin = -400, ZMax = 1000, Cx = AortaX, Cy = AortaY, Rx = AortaRadius, Ry = AortaRadius }, blood));

        // SMA: ZMax is its origin; below it, it runs forward (DriftY) inside a collar of fat.
        const double SmaDrift = 0.15;
        var collar = new TubeShape { ZMin = SmaTopZ - 160, ZMax = SmaTopZ, Cx = SmaX, Cy = SmaY, Rx = 8, Ry = 8, DriftY = SmaDrift, CapMm = 4 };
        var sma = new TubeShape { ZMin = SmaTopZ - 160, ZMax = SmaTopZ, Cx = SmaX, Cy = SmaY, Rx = 4, Ry = 4, DriftY = SmaDrift, CapMm = 2 };
        structures.Add(new SolidStructure(collar, (float)Tissue.Fat));
        structures.Add(new SolidStructure(sma, blood));
        structures.Add(new SolidStructure(new TubeShape { ZMin = -160, ZMax = 8, Cx = SmvX, Cy = SmvY, Rx = 5.5, Ry = 5.5, CapMm = 3 }, blood));

        // Portal vein from the confluence (behind the neck, z ≈ 5) up and right to the hilum.
        const double HilumZ = 55, HilumX = -45;
        var portal = new TubeShape
        {
            ZMin = 3, ZMax = HilumZ, Cx = HilumX, Cy = SmvY - 6, Rx = 7, Ry = 7, CapMm = 3,
            DriftX = (HilumX - SmvX) / (HilumZ - 5),
        };
        structures.Add(new SolidStructure(portal, blood));
    }
}
