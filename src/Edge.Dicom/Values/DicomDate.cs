using System.Globalization;

namespace Edge.Dicom;

/// <summary>A DA value: <c>YYYYMMDD</c> (PS3.5 §6.2); the ACR-NEMA form <c>YYYY.MM.DD</c> is accepted on read.</summary>
public readonly record struct DicomDate(DateOnly Value)
{
    public static bool TryParse(ReadOnlySpan<char> text, out DicomDate date)
    {
        date = default;
        text = text.Trim(" \0");
        bool acrNema = text.Length == 10 && text[4] == '.' && text[7] == '.';
        if (text.Length != 8 && !acrNema)
        {
            return false;
        }

        ReadOnlySpan<char> rest = text;
        if (!DigitParser.TryTake(ref rest, 4, out int year))
        {
            return false;
        }

        if (acrNema)
        {
            rest = rest[1..];
        }

        if (!DigitParser.TryTake(ref rest, 2, out int month))
        {
            return false;
        }

        if (acrNema)
        {
            rest = rest[1..];
        }

        if (!DigitParser.TryTake(ref rest, 2, out int day) || year < 1 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DicomDate(new DateOnly(year, month, day));
        return true;
    }

    public static DicomDate Parse(string text) => TryParse(text, out DicomDate d)
        ? d
        : throw new FormatException($"'{text}' is not a DICOM date (YYYYMMDD)");

    public override string ToString() => Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
