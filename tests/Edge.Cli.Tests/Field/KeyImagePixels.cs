using Edge.Reporting.KeyImages;
using SkiaSharp;

namespace Edge.Cli.Tests.Field;

/// <summary>Reads a key-image PNG back: is it a real image, and how much of it is drawn in the finding colour.</summary>
internal static class KeyImagePixels
{
    public static (int Width, int Height, int Marked, SKColor Corner) Read(string png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        int marked = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) == KeyImageRenderer.FindingColor)
                {
                    marked++;
                }
            }
        }

        return (bitmap.Width, bitmap.Height, marked, bitmap.GetPixel(2, 2));
    }
}
