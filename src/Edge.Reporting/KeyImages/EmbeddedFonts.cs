using SkiaSharp;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// The typeface every burned-in text uses: DejaVu Sans Bold, embedded (Fonts/, with its licence). SkiaSharp's
/// NoDependencies native build has no fontconfig, so on the appliance <see cref="SKTypeface.Default"/> draws nothing.
/// </summary>
public static class EmbeddedFonts
{
    private const string ResourceName = "Edge.Reporting.Fonts.DejaVuSans-Bold.ttf";

    private static readonly Lazy<SKTypeface> Bold = new(Load);

    public static SKTypeface SansBold => Bold.Value;

    private static SKTypeface Load()
    {
        using Stream stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded font {ResourceName} is missing from {typeof(EmbeddedFonts).Assembly.GetName().Name}");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"embedded font {ResourceName} could not be loaded");
    }
}
