using System.Globalization;

namespace Edge.Reporting;

/// <summary>
/// How results become DICOM objects (configuration section <c>Reporting</c>). Defaults send everything, because a
/// radiologist who sees no AI object cannot tell "negative" from "not processed"; sites that want silence on
/// negatives turn <see cref="ReportNegative"/> off.
/// </summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>The banner PS3.3 cannot express as an attribute a viewer will always show, so it is burned in.</summary>
    public const string DefaultBannerText = "AI RESULT — REFERENCE MODEL, NOT FOR DIAGNOSIS";

    /// <summary>An SR for a negative result (no suspicious finding).</summary>
    public bool ReportNegative { get; set; } = true;

    /// <summary>An SR saying the series was not eligible for the model (and why).</summary>
    public bool ReportNotEligible { get; set; } = true;

    /// <summary>An SR saying the analysis failed (and why).</summary>
    public bool ReportFailed { get; set; } = true;

    /// <summary>Secondary Capture key images of suspicious findings.</summary>
    public bool KeyImages { get; set; } = true;

    /// <summary>A DICOM Segmentation of the organ and findings, when the result carries masks.</summary>
    public bool Segmentation { get; set; } = true;

    public BannerMode Banner { get; set; } = BannerMode.Auto;

    public string BannerText { get; set; } = DefaultBannerText;

    /// <summary>Soft-tissue window for key images (HU): centre 40, width 400, the usual abdominal window.</summary>
    public double WindowCenter { get; set; } = 40;

    public double WindowWidth { get; set; } = 400;

    /// <summary>Key images smaller than this (pixels, longer side) are enlarged by a whole factor so text stays legible.</summary>
    public int KeyImageMinimumSize { get; set; } = 512;

    /// <summary>Series numbers: SR = base + 1, key images = base + 2, SEG = base + 3 (high, so they sort after the scanner's).</summary>
    public int SeriesNumberBase { get; set; } = 9900;

    /// <summary>Names the device in the SR's observer context and as Device Serial Number.</summary>
    public string DeviceId { get; set; } = "edge";

    public string? InstitutionName { get; set; }

    /// <summary>Every invalid value, each named by its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(WindowWidth) || WindowWidth < 1 || WindowWidth > 10000)
        {
            errors.Add(Invariant($"{SectionName}:WindowWidth: must be 1-10000 HU (was {WindowWidth})"));
        }

        if (!double.IsFinite(WindowCenter) || WindowCenter < -2000 || WindowCenter > 5000)
        {
            errors.Add(Invariant($"{SectionName}:WindowCenter: must be -2000-5000 HU (was {WindowCenter})"));
        }

        // 2048 px: the largest matrix a viewer shows 1:1 on a 4K reading monitor.
        if (KeyImageMinimumSize is < 64 or > 2048)
        {
            errors.Add(Invariant($"{SectionName}:KeyImageMinimumSize: must be 64-2048 (was {KeyImageMinimumSize})"));
        }

        // Series Number is IS: a 32-bit signed value (PS3.5 Table 6.2-1), and three numbers follow the base.
        if (SeriesNumberBase is < 0 or > int.MaxValue - 3)
        {
            errors.Add(Invariant($"{SectionName}:SeriesNumberBase: must be 0-{int.MaxValue - 3} (was {SeriesNumberBase})"));
        }

        if (string.IsNullOrWhiteSpace(DeviceId) || DeviceId.Length > 64)
        {
            errors.Add($"{SectionName}:DeviceId: must be 1-64 characters");
        }

        if (string.IsNullOrWhiteSpace(BannerText) || BannerText.Length > 200)
        {
            errors.Add($"{SectionName}:BannerText: must be 1-200 characters");
        }

        return errors;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
