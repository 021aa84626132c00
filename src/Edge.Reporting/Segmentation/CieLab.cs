namespace Edge.Reporting.Segmentation;

/// <summary>
/// sRGB → the scaled CIELab of Recommended Display CIELab Value (PS3.3 C.10.7.1.1): L* 0–100 and a*, b* −128–127 mapped
/// linearly onto 0–65535, D65 white point (sRGB's own, so no chromatic adaptation is needed).
/// </summary>
internal static class CieLab
{
    private const double Xn = 0.95047, Yn = 1.0, Zn = 1.08883;

    public static ushort[] FromSrgb((byte R, byte G, byte B) color)
    {
        double r = Linear(color.R), g = Linear(color.G), b = Linear(color.B);
        double x = (0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b);
        double y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        double z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);
        double fx = F(x / Xn), fy = F(y / Yn), fz = F(z / Zn);
        double l = (116 * fy) - 16, a = 500 * (fx - fy), bb = 200 * (fy - fz);
        return [Scale(l / 100.0), Scale((a + 128) / 255.0), Scale((bb + 128) / 255.0)];
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;

    private static ushort Scale(double unit) => (ushort)Math.Round(Math.Clamp(unit, 0, 1) * 65535);
}
