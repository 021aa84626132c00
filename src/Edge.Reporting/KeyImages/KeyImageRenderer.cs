using Edge.Imaging;
using Edge.Imaging.Geometry;
using SkiaSharp;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// Draws key images: the slice in a soft-tissue window (PS3.3 C.11.2.1.2 linear window), enlarged by a whole factor
/// when small, the organ outlined faintly, each finding outlined from its segment (or circled at its centre), a
/// burned-in banner strip above the slice and a legend strip below it, so no text covers anatomy. The same pixels
/// become the Secondary Capture and the PNG of <c>edgectl results show --png</c>.
/// </summary>
public sealed class KeyImageRenderer
{
    /// <summary>Enlargement stops at 8×: beyond that a slice pixel is a block, not a picture.</summary>
    public const int MaxScale = 8;

    public static readonly SKColor BannerColor = new(170, 0, 0);
    public static readonly SKColor FindingColor = new(255, 214, 0);
    public static readonly SKColor OrganColor = new(0, 200, 120);

    private readonly double _windowCenter;
    private readonly double _windowWidth;
    private readonly int _minimumSize;

    public KeyImageRenderer(double windowCenter = 40, double windowWidth = 400, int minimumSize = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowWidth, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumSize);
        _windowCenter = windowCenter;
        _windowWidth = windowWidth;
        _minimumSize = minimumSize;
    }

    public KeyImageRenderer(ReportingOptions options)
        : this(options?.WindowCenter ?? 40, options?.WindowWidth ?? 400, options?.KeyImageMinimumSize ?? 512)
    {
    }

    public string WindowDescription => FormattableString.Invariant($"W {_windowWidth:0.#} / L {_windowCenter:0.#}");

    public KeyImage Render(KeyImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CtVolume volume = request.Volume;
        ArgumentOutOfRangeException.ThrowIfNegative(request.Z);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(request.Z, volume.Shape.Depth);
        if (request.Labels is { } labels && labels.Shape != volume.Shape)
        {
            throw new ArgumentException($"the label map ({labels.Shape}) is not on the volume's grid ({volume.Shape})", nameof(request));
        }

        int columns = volume.Shape.Width, rows = volume.Shape.Height;
        int scale = Math.Clamp((_minimumSize + Math.Max(columns, rows) - 1) / Math.Max(columns, rows), 1, MaxScale);
        int width = columns * scale, imageHeight = rows * scale;
        float unit = Math.Max(width / 512f, 0.5f);
        float bannerHeight = request.Banner is null ? 0 : MathF.Round(30 * unit);
        string[] legend = [.. request.Marks.Select(m => $"{m.Tag}  {m.Legend}"), .. request.Caption is null ? Array.Empty<string>() : [request.Caption]];
        float lineHeight = MathF.Round(18 * unit);
        float legendHeight = legend.Length == 0 ? 0 : (legend.Length * lineHeight) + MathF.Round(8 * unit);
        int height = (int)(bannerHeight + imageHeight + legendHeight);
        int top = (int)bannerHeight;

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            DrawSlice(canvas, volume.GetSlice(request.Z), columns, rows, new SKRect(0, top, width, top + imageHeight));
            ReadOnlySpan<byte> labelSlice = request.Labels is { } map ? map.Slice(request.Z) : default;
            foreach (byte organ in request.OrganSegments)
            {
                if (!labelSlice.IsEmpty)
                {
                    using SKPath path = MaskOutline.Trace(labelSlice, columns, rows, organ, scale, top);
                    using var paint = Stroke(OrganColor.WithAlpha(200), Math.Max(1f, unit));
                    canvas.DrawPath(path, paint);
                }
            }

            foreach (KeyImageMark mark in request.Marks)
            {
                DrawMark(canvas, volume.Geometry, mark, labelSlice, columns, rows, scale, top, unit);
            }

            if (request.Banner is { } banner)
            {
                DrawBanner(canvas, banner, width, bannerHeight);
            }

            DrawLegend(canvas, legend, width, top + imageHeight, lineHeight, unit);
        }

        byte[] rgba = bitmap.GetPixelSpan().ToArray();
        return new KeyImage(width, height, rgba, top, imageHeight, scale);
    }

    private void DrawSlice(SKCanvas canvas, ReadOnlySpan<float> hu, int columns, int rows, SKRect destination)
    {
        // PS3.3 C.11.2.1.2.1: y = ((x − (c − 0.5)) / (w − 1) + 0.5) · 255, clamped.
        double lower = _windowCenter - 0.5 - ((_windowWidth - 1) / 2), span = Math.Max(_windowWidth - 1, 1);
        var gray = new byte[columns * rows];
        for (int i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)Math.Clamp((int)Math.Round((hu[i] - lower) / span * 255), 0, 255);
        }

        var info = new SKImageInfo(columns, rows, SKColorType.Gray8, SKAlphaType.Opaque);
        using SKImage image = SKImage.FromPixelCopy(info, gray)
            ?? throw new InvalidOperationException("SkiaSharp could not wrap the slice pixels");
        canvas.DrawImage(image, destination, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    private static void DrawMark(SKCanvas canvas, VolumeGeometry geometry, KeyImageMark mark, ReadOnlySpan<byte> labels, int columns, int rows, int scale, int top, float unit)
    {
        using var paint = Stroke(FindingColor, Math.Max(2f, 2 * unit));
        SKRect box;
        if (mark.Segment is { } segment && !labels.IsEmpty && MaskOutline.Bounds(labels, columns, rows, segment) is { } bounds)
        {
            using SKPath path = MaskOutline.Trace(labels, columns, rows, segment, scale, top);
            canvas.DrawPath(path, paint);
            box = new SKRect(bounds.Left * scale, top + (bounds.Top * scale), bounds.Right * scale, top + (bounds.Bottom * scale));
        }
        else
        {
            // No mask on this slice: circle the finding at its centre, dashed to say it is not a traced outline.
            ContinuousIndex centre = geometry.PatientToIndex(mark.CentreLps);
            float cx = (float)((centre.X + 0.5) * scale), cy = (float)(top + ((centre.Y + 0.5) * scale));
            float radius = (float)(mark.DiameterMm / 2 / Math.Min(geometry.Spacing.X, geometry.Spacing.Y) * scale) + (4 * unit);
            using var dashed = Stroke(FindingColor, Math.Max(2f, 2 * unit));
            dashed.PathEffect = SKPathEffect.CreateDash([6 * unit, 4 * unit], 0);
            canvas.DrawCircle(cx, cy, radius, dashed);
            box = new SKRect(cx - radius, cy - radius, cx + radius, cy + radius);
        }

        using var font = new SKFont(EmbeddedFonts.SansBold, 16 * unit);
        using var shadow = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var ink = new SKPaint { Color = FindingColor, IsAntialias = true };
        float x = box.Right + (4 * unit), y = box.Top + (12 * unit);
        canvas.DrawText(mark.Tag, x + unit, y + unit, font, shadow);
        canvas.DrawText(mark.Tag, x, y, font, ink);
    }

    private static void DrawBanner(SKCanvas canvas, string banner, int width, float height)
    {
        using var fill = new SKPaint { Color = BannerColor };
        canvas.DrawRect(0, 0, width, height, fill);
        using SKFont font = FitFont(banner, width - (height * 0.6f), height * 0.6f);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        float textWidth = font.MeasureText(banner);
        SKFontMetrics metrics = font.Metrics;
        float baseline = (height / 2) - ((metrics.Ascent + metrics.Descent) / 2);
        canvas.DrawText(banner, (width - textWidth) / 2, baseline, font, ink);
    }

    private static void DrawLegend(SKCanvas canvas, string[] lines, int width, float top, float lineHeight, float unit)
    {
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (int i = 0; i < lines.Length; i++)
        {
            using SKFont font = FitFont(lines[i], width - (12 * unit), lineHeight * 0.72f);
            canvas.DrawText(lines[i], 6 * unit, top + ((i + 1) * lineHeight), font, ink);
        }
    }

    /// <summary>The embedded bold face at <paramref name="size"/>, smaller if the text would not fit <paramref name="maxWidth"/>.</summary>
    private static SKFont FitFont(string text, float maxWidth, float size)
    {
        var font = new SKFont(EmbeddedFonts.SansBold, size) { Edging = SKFontEdging.Antialias };
        float measured = font.MeasureText(text);
        if (measured > maxWidth && measured > 0)
        {
            font.Size = size * maxWidth / measured;
        }

        return font;
    }

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
}
