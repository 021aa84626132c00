using System.Globalization;
using System.Text;

namespace Edge.Dicom;

/// <summary>
/// A DT value: <c>YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&amp;ZZXX]</c> (PS3.5 §6.2). Missing components take their
/// minimum; <see cref="Offset"/> is the UTC offset when the value carried one.
/// </summary>
public readonly record struct DicomDateTime(DateTime Value, TimeSpan? Offset, DicomDateTimePrecision Precision)
{
    /// <summary>The instant, when the value carried a UTC offset.</summary>
    public DateTimeOffset? ToDateTimeOffset() => Offset is { } o ? new DateTimeOffset(Value, o) : null;

    public static bool TryParse(ReadOnlySpan<char> text, out DicomDateTime value)
    {
        value = default;
        text = text.Trim(" \0");
        TimeSpan? offset = null;
        int sign = text.IndexOfAny('+', '-');
        if (sign >= 0)
        {
            ReadOnlySpan<char> zone = text[(sign + 1)..];
            if (!DigitParser.TryTake(ref zone, 2, out int zh) || !DigitParser.TryTake(ref zone, 2, out int zm) || !zone.IsEmpty
                || zh > 14 || zm > 59)
            {
                return false;
            }

            var span = new TimeSpan(zh, zm, 0);
            offset = text[sign] == '-' ? -span : span;
            text = text[..sign];
        }

        if (!DigitParser.TryTake(ref text, 4, out int year) || year < 1)
        {
            return false;
        }

        int[] parts = [1, 1, 0, 0, 0];
        int[] max = [12, 31, 23, 59, 60];
        var precision = DicomDateTimePrecision.Year;
        for (int i = 0; i < parts.Length && !text.IsEmpty && text[0] != '.'; i++)
        {
            if (!DigitParser.TryTake(ref text, 2, out int v) || v > max[i] || (i < 2 && v < 1))
            {
                return false;
            }

            parts[i] = v;
            precision = DicomDateTimePrecision.Month + i;
        }

        long fraction = 0;
        if (!text.IsEmpty && text[0] == '.')
        {
            if (precision != DicomDateTimePrecision.Second)
            {
                return false;
            }

            text = text[1..];
            if (!DigitParser.TryTakeFraction(ref text, out fraction))
            {
                return false;
            }

            precision = DicomDateTimePrecision.Fraction;
        }

        if (!text.IsEmpty || parts[1] > DateTime.DaysInMonth(year, parts[0]))
        {
            return false;
        }

        var dt = new DateTime(year, parts[0], parts[1], parts[2], parts[3], Math.Min(parts[4], 59), DateTimeKind.Unspecified);
        value = new DicomDateTime(dt.AddTicks(fraction), offset, precision);
        return true;
    }

    public static DicomDateTime Parse(string text) => TryParse(text, out DicomDateTime v)
        ? v
        : throw new FormatException($"'{text}' is not a DICOM date time (YYYYMMDDHHMMSS.FFFFFF&ZZXX)");

    public override string ToString()
    {
        var sb = new StringBuilder(26);
        sb.Append(Value.Year.ToString("D4", CultureInfo.InvariantCulture));
        if (Precision >= DicomDateTimePrecision.Month)
        {
            sb.Append(Value.Month.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= DicomDateTimePrecision.Day)
        {
            sb.Append(Value.Day.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= DicomDateTimePrecision.Hour)
        {
            DicomTime.Append(sb, TimeOnly.FromDateTime(Value), Precision);
        }

        if (Offset is { } o)
        {
            sb.Append(o < TimeSpan.Zero ? '-' : '+')
                .Append(Math.Abs(o.Hours).ToString("D2", CultureInfo.InvariantCulture))
                .Append(Math.Abs(o.Minutes).ToString("D2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
