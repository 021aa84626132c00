namespace Edge.Imaging.Phantom;

/// <summary>Per-slice tallies of the pancreas and lesion labels, gathered while rendering and summed afterwards.</summary>
internal struct SliceLabelStats
{
    public long Pancreas;
    public long Lesion;
    public double PancreasHuSum;
    public double LesionHuSum;
    public int MinRow;
    public int MaxRow;
    public int MinColumn;
    public int MaxColumn;

    public static SliceLabelStats Measure(ReadOnlySpan<byte> labels, ReadOnlySpan<short> hu, int width)
    {
        var s = new SliceLabelStats { MinRow = int.MaxValue, MinColumn = int.MaxValue, MaxRow = -1, MaxColumn = -1 };
        int first = labels.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return s;
        }

        int last = labels.LastIndexOfAnyExcept((byte)0);
        for (int i = first; i <= last; i++)
        {
            byte label = labels[i];
            if (label == 0)
            {
                continue;
            }

            int row = i / width, column = i - (row * width);
            s.MinRow = Math.Min(s.MinRow, row);
            s.MaxRow = Math.Max(s.MaxRow, row);
            s.MinColumn = Math.Min(s.MinColumn, column);
            s.MaxColumn = Math.Max(s.MaxColumn, column);
            if (label == PancreasModel.Label)
            {
                s.Pancreas++;
                s.PancreasHuSum += hu[i];
            }
            else
            {
                s.Lesion++;
                s.LesionHuSum += hu[i];
            }
        }

        return s;
    }
}
