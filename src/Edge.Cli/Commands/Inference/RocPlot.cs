using System.Globalization;
using Edge.Inference.Evaluation;
using Edge.Reporting.KeyImages;
using SkiaSharp;

namespace Edge.Cli.Commands.Inference;

/// <summary>Draws an evaluation's ROC curve, the chance diagonal and the operating point to a PNG.</summary>
internal static class RocPlot
{
    private const int Size = 640;
    private const int Margin = 64;

    public static void Write(string path, EvaluationReport report)
    {
        using var bitmap = new SKBitmap(Size, Size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            float plot = Size - (2 * Margin);
            SKPoint At(double fpr, double tpr) => new(Margin + (float)(fpr * plot), Size - Margin - (float)(tpr * plot));

            using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1, IsAntialias = true };
            using var axis = new SKPaint { Color = SKColors.Black, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var chance = new SKPaint { Color = SKColors.Gray, StrokeWidth = 1.5f, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([8, 6], 0) };
            using var curve = new SKPaint { Color = new SKColor(20, 90, 200), StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var marker = new SKPaint { Color = new SKColor(220, 40, 40), IsAntialias = true };
            for (int i = 1; i < 10; i++)
            {
                canvas.DrawLine(At(i / 10.0, 0), At(i / 10.0, 1), grid);
                canvas.DrawLine(At(0, i / 10.0), At(1, i / 10.0), grid);
            }

            canvas.DrawRect(SKRect.Create(Margin, Margin, plot, plot), axis);
            canvas.DrawLine(At(0, 0), At(1, 1), chance);

            // A step curve: each point holds its rates until the next threshold.
            using var path2 = new SKPath();
            path2.MoveTo(At(0, 0));
            RocPoint previous = new(0, 0, double.PositiveInfinity);
            foreach (RocPoint point in report.Roc.Skip(1))
            {
                path2.LineTo(At(point.FalsePositiveRate, previous.TruePositiveRate));
                path2.LineTo(At(point.FalsePositiveRate, point.TruePositiveRate));
                previous = point;
            }

            path2.LineTo(At(1, 1));
            canvas.DrawPath(path2, curve);
            canvas.DrawCircle(At(1 - report.Specificity, report.Sensitivity), 7, marker);

            // SKTypeface.Default draws nothing with SkiaSharp's NoDependencies native assets (no fontconfig): use the
            // DejaVu face Edge.Reporting embeds for burned-in text.
            using var font = new SKFont(EmbeddedFonts.SansBold, 18);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(Invariant($"{report.Model} {report.Version}: AUC {report.Auc:0.000}, n = {report.Cohort}"), Margin, 36, font, ink);
            canvas.DrawText(Invariant($"operating point: sens {report.Sensitivity:0.00}, spec {report.Specificity:0.00}"), Margin + 12, Margin + 28, font, ink);
            using var tickFont = new SKFont(EmbeddedFonts.SansBold, 12);
            for (int i = 0; i <= 10; i += 2)
            {
                string tick = Invariant($"{i / 10.0:0.0}");
                SKPoint x = At(i / 10.0, 0), y = At(0, i / 10.0);
                canvas.DrawText(tick, x.X, x.Y + 18, SKTextAlign.Center, tickFont, ink);
                canvas.DrawText(tick, y.X - 6, y.Y + 4, SKTextAlign.Right, tickFont, ink);
            }

            canvas.DrawText("1 - specificity", Size / 2, Size - 14, SKTextAlign.Center, font, ink);
            canvas.Save();
            canvas.RotateDegrees(-90, 20, Size / 2);
            canvas.DrawText("sensitivity", 20, (Size / 2) + 6, SKTextAlign.Center, font, ink);
            canvas.Restore();
        }

        using SKImage image = SKImage.FromBitmap(bitmap);
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        png.SaveTo(file);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
