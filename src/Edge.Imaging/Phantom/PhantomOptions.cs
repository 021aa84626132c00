using System.Globalization;

namespace Edge.Imaging.Phantom;

/// <summary>
/// What to generate. Anything left null is drawn from <see cref="Seed"/>, so one seed always gives the same
/// patient, scan and lesion. <see cref="Validate"/> reports every bad value at once.
/// </summary>
public sealed record PhantomOptions
{
    /// <summary>Matrix ceiling: 1024 is the largest reconstruction matrix CT scanners offer.</summary>
    public const int MaxSize = 1024;

    /// <summary>Slice ceiling: 2000 covers a whole-body thin-slice series (≈ 1.9 m at 1 mm).</summary>
    public const int MaxSlices = 2000;

    /// <summary>Voxel ceiling: 2³⁰ keeps HU (int16) and labels (uint8) within 3 GiB.</summary>
    public const long MaxVoxels = 1L << 30;

    public int Seed { get; init; } = 1;

    /// <summary>Rows and columns (the matrix is square).</summary>
    public int Size { get; init; } = 512;

    public int Slices { get; init; } = 120;

    /// <summary>Nominal slice thickness in mm; null: drawn from 1, 1.25, 2, 2.5, 3 and 5 mm.</summary>
    public double? SliceThicknessMm { get; init; }

    /// <summary>Distance between slice centres in mm; null: equal to the thickness.</summary>
    public double? SliceSpacingMm { get; init; }

    /// <summary>In-plane pixel size in mm; null: a 340–420 mm field of view (wide enough for the body) over <see cref="Size"/>.</summary>
    public double? PixelSpacingMm { get; init; }

    /// <summary>Noise standard deviation in HU in the output slices; null: drawn, and lower for thicker slices.</summary>
    public double? NoiseSigmaHu { get; init; }

    /// <summary>true: always a lesion; false: never; null: drawn (one phantom in two).</summary>
    public bool? Lesion { get; init; }

    /// <summary>Lesion diameter in mm; null: drawn from 8–30 mm. Setting it implies <see cref="Lesion"/>.</summary>
    public double? LesionDiameterMm { get; init; }

    public PancreasSite? LesionSite { get; init; }

    /// <summary>How many HU the lesion lies below the pancreas; null: drawn from 5–30 HU.</summary>
    public double? LesionContrastHu { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Size is < 16 or > MaxSize)
        {
            errors.Add(Format($"size must be 16-{MaxSize} (got {Size})"));
        }

        if (Slices is < 1 or > MaxSlices)
        {
            errors.Add(Format($"slices must be 1-{MaxSlices} (got {Slices})"));
        }

        if ((long)Size * Size * Slices > MaxVoxels)
        {
            errors.Add(Format($"size² × slices must be at most {MaxVoxels} voxels (got {(long)Size * Size * Slices})"));
        }

        CheckRange(errors, "thickness", SliceThicknessMm, 0.1, 20);
        CheckRange(errors, "slice spacing", SliceSpacingMm, 0.1, 20);
        CheckRange(errors, "pixel spacing", PixelSpacingMm, 0.05, 10);
        CheckRange(errors, "noise", NoiseSigmaHu, 0, 500);
        CheckRange(errors, "lesion diameter", LesionDiameterMm, 1, 80);
        CheckRange(errors, "lesion contrast", LesionContrastHu, -200, 200);
        if (Lesion == false && (LesionDiameterMm is not null || LesionSite is not null || LesionContrastHu is not null))
        {
            errors.Add("lesion options contradict 'no lesion'");
        }

        return errors;
    }

    private static void CheckRange(List<string> errors, string name, double? value, double min, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            errors.Add(Format($"{name} must be {min}-{max} (got {v})"));
        }
    }

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
