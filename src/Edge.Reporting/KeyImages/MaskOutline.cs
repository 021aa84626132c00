using SkiaSharp;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// The outline of a 2D mask as a path along pixel edges: every edge between a pixel inside and one outside (or the
/// image border). Drawn at any whole scale it traces the segmented pixels exactly, with no smoothing to misplace it.
/// </summary>
internal static class MaskOutline
{
    public static SKPath Trace(ReadOnlySpan<byte> slice, int width, int height, byte value, float scale, float top)
    {
        var path = new SKPath();
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                if (slice[(r * width) + c] != value)
                {
                    continue;
                }

                float x0 = c * scale, x1 = (c + 1) * scale, y0 = top + (r * scale), y1 = top + ((r + 1) * scale);
                if (r == 0 || slice[((r - 1) * width) + c] != value)
                {
                    Edge(path, x0, y0, x1, y0);
                }

                if (r == height - 1 || slice[((r + 1) * width) + c] != value)
                {
                    Edge(path, x0, y1, x1, y1);
                }

                if (c == 0 || slice[(r * width) + c - 1] != value)
                {
                    Edge(path, x0, y0, x0, y1);
                }

                if (c == width - 1 || slice[(r * width) + c + 1] != value)
                {
                    Edge(path, x1, y0, x1, y1);
                }
            }
        }

        return path;
    }

    /// <summary>The bounding box of the mask's pixels in slice coordinates, or null when it has none.</summary>
    public static SKRectI? Bounds(ReadOnlySpan<byte> slice, int width, int height, byte value)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                if (slice[(r * width) + c] == value)
                {
                    left = Math.Min(left, c);
                    right = Math.Max(right, c);
                    top = Math.Min(top, r);
                    bottom = Math.Max(bottom, r);
                }
            }
        }

        return right < 0 ? null : new SKRectI(left, top, right + 1, bottom + 1);
    }

    private static void Edge(SKPath path, float x0, float y0, float x1, float y1)
    {
        path.MoveTo(x0, y0);
        path.LineTo(x1, y1);
    }
}
