namespace Edge.Imaging.Assembly;

/// <summary>In-plane work on single slices during assembly: tilt shifts and gap interpolation.</summary>
internal static class SliceResampling
{
    /// <summary>HU written where a shifted slice has no data: air.</summary>
    public const float OutsideHu = -1024;

    /// <summary>destination(r, c) = source(r − shiftRows, c − shiftColumns), bilinear; outside the source is air.</summary>
    public static void Shift(ReadOnlySpan<float> source, Span<float> destination, int rows, int columns, double shiftRows, double shiftColumns)
    {
        for (int r = 0; r < rows; r++)
        {
            double y = r - shiftRows;
            int y0 = (int)Math.Floor(y);
            float wy = (float)(y - y0);
            Span<float> output = destination.Slice(r * columns, columns);
            if (y0 < 0 || y0 + 1 > rows - 1)
            {
                // Exactly on the last row is still inside.
                if (y0 == rows - 1 && wy == 0)
                {
                    ShiftRow(source.Slice(y0 * columns, columns), source.Slice(y0 * columns, columns), 0, output, shiftColumns);
                }
                else
                {
                    output.Fill(OutsideHu);
                }

                continue;
            }

            ShiftRow(source.Slice(y0 * columns, columns), source.Slice((y0 + 1) * columns, columns), wy, output, shiftColumns);
        }
    }

    /// <summary>Fills slice <paramref name="z"/> by linear interpolation between slices <paramref name="below"/> and <paramref name="above"/>.</summary>
    public static void Interpolate(float[] voxels, int sliceLength, int below, int above, int z)
    {
        float w = (float)(z - below) / (above - below);
        ReadOnlySpan<float> a = voxels.AsSpan(below * sliceLength, sliceLength);
        ReadOnlySpan<float> b = voxels.AsSpan(above * sliceLength, sliceLength);
        Span<float> d = voxels.AsSpan(z * sliceLength, sliceLength);
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = a[i] + (w * (b[i] - a[i]));
        }
    }

    private static void ShiftRow(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, float wy, Span<float> output, double shiftColumns)
    {
        int columns = output.Length;
        for (int c = 0; c < columns; c++)
        {
            double x = c - shiftColumns;
            int x0 = (int)Math.Floor(x);
            float wx = (float)(x - x0);
            if (x0 < 0 || x0 > columns - 1 || (x0 == columns - 1 && wx > 0))
            {
                output[c] = OutsideHu;
                continue;
            }

            int x1 = Math.Min(x0 + 1, columns - 1);
            float t = top[x0] + (wx * (top[x1] - top[x0]));
            float b = bottom[x0] + (wx * (bottom[x1] - bottom[x0]));
            output[c] = t + (wy * (b - t));
        }
    }
}
