namespace Edge.Dicom;

/// <summary>Fixed-width ASCII digit parsing shared by the DA, TM and DT parsers.</summary>
internal static class DigitParser
{
    public static bool TryTake(ref ReadOnlySpan<char> text, int width, out int value)
    {
        value = 0;
        if (text.Length < width)
        {
            return false;
        }

        for (int i = 0; i < width; i++)
        {
            int d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        text = text[width..];
        return true;
    }

    /// <summary>Parses ".F{1,6}" into ticks (100 ns); <paramref name="text"/> starts after the dot.</summary>
    public static bool TryTakeFraction(ref ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        int n = 0;
        long scale = TimeSpan.TicksPerSecond;
        while (n < text.Length && n < 6 && (uint)(text[n] - '0') <= 9)
        {
            scale /= 10;
            ticks += (text[n] - '0') * scale;
            n++;
        }

        text = text[n..];
        return n > 0;
    }
}
