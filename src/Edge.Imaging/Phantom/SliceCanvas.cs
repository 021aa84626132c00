namespace Edge.Imaging.Phantom;

/// <summary>
/// One slice being painted: HU and label per pixel plus the pixel↔LPS mapping. Structures paint in order and
/// later ones win; every paint writes the label too, so a label is exactly the last structure painted there.
/// </summary>
internal sealed class SliceCanvas
{
    public SliceCanvas(int width, int height, double x0, double y0, double dx, double dy)
    {
        Width = width;
        Height = height;
        X0 = x0;
        Y0 = y0;
        Dx = dx;
        Dy = dy;
        Hu = new float[width * height];
        Labels = new byte[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>LPS x of column 0 and y of row 0 (pixel centres).</summary>
    public double X0 { get; }

    public double Y0 { get; }

    public double Dx { get; }

    public double Dy { get; }

    public float[] Hu { get; }

    public byte[] Labels { get; }

    /// <summary>Pixel size in mm along the row direction; structures use it to keep thin walls visible.</summary>
    public double PixelMm => Math.Min(Dx, Dy);

    public double X(int column) => X0 + (column * Dx);

    public double Y(int row) => Y0 + (row * Dy);

    public void Clear(float hu)
    {
        Hu.AsSpan().Fill(hu);
        Labels.AsSpan().Clear();
    }

    /// <summary>Columns whose centres lie in [xMin, xMax]; false when none does.</summary>
    public bool ColumnRange(double xMin, double xMax, out int first, out int last)
    {
        first = Math.Max(0, (int)Math.Ceiling((xMin - X0) / Dx));
        last = Math.Min(Width - 1, (int)Math.Floor((xMax - X0) / Dx));
        return first <= last;
    }

    public bool RowRange(double yMin, double yMax, out int first, out int last)
    {
        first = Math.Max(0, (int)Math.Ceiling((yMin - Y0) / Dy));
        last = Math.Min(Height - 1, (int)Math.Floor((yMax - Y0) / Dy));
        return first <= last;
    }

    public void Set(int row, int column, float hu, byte label)
    {
        int i = (row * Width) + column;
        Hu[i] = hu;
        Labels[i] = label;
    }

    /// <summary>Paints a plain ellipse as one span per row (no per-pixel test).</summary>
    public void PaintEllipse(double cx, double cy, double rx, double ry, float hu, byte label = 0)
    {
        if (rx <= 0 || ry <= 0 || !RowRange(cy - ry, cy + ry, out int r0, out int r1))
        {
            return;
        }

        for (int row = r0; row <= r1; row++)
        {
            double v = (Y(row) - cy) / ry;
            double half = rx * Math.Sqrt(Math.Max(0, 1 - (v * v)));
            PaintSpan(row, cx - half, cx + half, hu, label);
        }
    }

    /// <summary>Paints the columns of one row whose centres lie in [xMin, xMax].</summary>
    public void PaintSpan(int row, double xMin, double xMax, float hu, byte label = 0)
    {
        if (!ColumnRange(xMin, xMax, out int c0, out int c1))
        {
            return;
        }

        int start = (row * Width) + c0, length = c1 - c0 + 1;
        Hu.AsSpan(start, length).Fill(hu);
        Labels.AsSpan(start, length).Fill(label);
    }

    /// <summary>Paints a harmonic blob; pixels far inside or outside skip the harmonic evaluation.</summary>
    public void PaintBlob(in Blob2D blob, float hu, byte label = 0)
    {
        if (blob.Rx <= 0 || blob.Ry <= 0)
        {
            return;
        }

        double amplitude = blob.Harmonics.MaxAmplitude;
        if (amplitude == 0)
        {
            PaintEllipse(blob.Cx, blob.Cy, blob.Rx, blob.Ry, hu, label);
            return;
        }

        if (!RowRange(blob.Cy - blob.HalfHeight, blob.Cy + blob.HalfHeight, out int r0, out int r1) ||
            !ColumnRange(blob.Cx - blob.HalfWidth, blob.Cx + blob.HalfWidth, out int c0, out int c1))
        {
            return;
        }

        double inner2 = Math.Pow(Math.Max(0, 1 - amplitude), 2), outer2 = Math.Pow(1 + amplitude, 2);
        for (int row = r0; row <= r1; row++)
        {
            double v = (Y(row) - blob.Cy) / blob.Ry;
            int rowStart = row * Width;
            for (int column = c0; column <= c1; column++)
            {
                double u = (X(column) - blob.Cx) / blob.Rx;
                double rho2 = (u * u) + (v * v);
                if (rho2 >= outer2)
                {
                    continue;
                }

                if (rho2 > inner2)
                {
                    double rho = Math.Sqrt(rho2);
                    if (rho >= blob.Harmonics.Radius(u / rho, v / rho))
                    {
                        continue;
                    }
                }

                Hu[rowStart + column] = hu;
                Labels[rowStart + column] = label;
            }
        }
    }
}
