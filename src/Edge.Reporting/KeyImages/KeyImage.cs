using Edge.IO;
using SkiaSharp;

namespace Edge.Reporting.KeyImages;

/// <summary>A rendered key image: opaque 8-bit RGBA pixels, row by row. It becomes a Secondary Capture or a PNG.</summary>
public sealed class KeyImage
{
    internal KeyImage(int width, int height, byte[] rgba, int imageTop, int imageHeight, int scale)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
        ImageTop = imageTop;
        ImageHeight = imageHeight;
        Scale = scale;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width × Height × 4 bytes, alpha always 255.</summary>
    public byte[] Rgba { get; }

    /// <summary>The first row of the CT slice (rows above it hold the banner).</summary>
    public int ImageTop { get; }

    /// <summary>Rows of the CT slice (rows below it hold the legend).</summary>
    public int ImageHeight { get; }

    /// <summary>Output pixels per slice pixel along each axis.</summary>
    public int Scale { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            int i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2]);
        }
    }

    /// <summary>Interleaved RGB (Photometric Interpretation RGB, Planar Configuration 0).</summary>
    public byte[] ToRgb()
    {
        var rgb = new byte[Width * Height * 3];
        for (int i = 0, o = 0; i < Rgba.Length; i += 4, o += 3)
        {
            rgb[o] = Rgba[i];
            rgb[o + 1] = Rgba[i + 1];
            rgb[o + 2] = Rgba[i + 2];
        }

        return rgb;
    }

    public byte[] EncodePng()
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using SKImage image = SKImage.FromPixelCopy(info, Rgba)
            ?? throw new InvalidOperationException("SkiaSharp could not wrap the key image pixels");
        using SKData png = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the key image as PNG");
        return png.ToArray();
    }

    /// <summary>Writes the PNG atomically (temporary file, then rename).</summary>
    public void SavePng(string path) => AtomicFile.Write(path, EncodePng());
}
