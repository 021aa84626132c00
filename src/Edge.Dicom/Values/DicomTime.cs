using System.Globalization;
using System.Text;

namespace Edge.Dicom;

/// <summary>
/// A TM value: <c>HH[MM[SS[.F{1,6}]]]</c> (PS3.5 §6.2); the ACR-NEMA form <c>HH:MM:SS.frac</c> is accepted on read.
/// A leap second (SS = 60) reads as 59.
/// </summary>
public readonly record struct DicomTime(TimeOnly Value, DicomDateTimePrecision Precision)
{
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTime time)
    {
        time = default;
        text = text.Trim(" \0");
        if (!DigitParser.TryTake(ref text, 2, out int hour) || hour > 23)
        {
            return false;
        }

        int minute = 0;
        int second = 0;
        long fraction = 0;
        var precision = DicomDateTimePrecision.Hour;
        SkipColon(ref text);
        if (!text.IsEmpty)
        {
            if (!DigitParser.TryTake(ref text, 2, out minute) || minute > 59)
            {
                return false;
            }

            precision = DicomDateTimePrecision.Minute;
            SkipColon(ref text);
            if (!text.IsEmpty)
            {
                if (!DigitParser.TryTake(ref text, 2, out second) || second > 60)
                {
                    return false;
                }

                second = Math.Min(second, 59);
                precision = DicomDateTimePrecision.Second;
                if (!text.IsEmpty && text[0] == '.')
                {
                    text = text[1..];
                    if (DigitParser.TryTakeFraction(ref text, out fraction))
                    {
                        precision = DicomDateTimePrecision.Fraction;
                    }
                }
            }
        }

        if (!text.IsEmpty)
        {
            return false;
        }

        time = new DicomTime(new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fraction)), precision);
        return true;
    }

    public static DicomTime Parse(string text) => TryParse(text, out DicomTime t)
        ? t
        : throw new FormatException($"'{text}' is not a DICOM time (HHMMSS.FFFFFF)");

    public override string ToString()
    {
        var sb = new StringBuilder(13);
        Append(sb, Value, Precision);
        return sb.ToString();
    }

    internal static void Append(StringBuilder sb, TimeOnly value, DicomDateTimePrecision precision)
    {
        sb.Append(value.Hour.ToString("D2", CultureInfo.InvariantCulture));
        if (precision >= DicomDateTimePrecision.Minute)
        {
            sb.Append(value.Minute.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (precision >= DicomDateTimePrecision.Second)
        {
            sb.Append(value.Second.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (precision >= DicomDateTimePrecision.Fraction)
        {
            long micro = (value.Ticks % TimeSpan.TicksPerSecond) / 10;
            sb.Append('.').Append(micro.ToString("D6", CultureInfo.InvariantCulture));
        }
    }

    private static void SkipColon(ref ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty && text[0] == ':')
        {
            text = text[1..];
        }
    }
}
