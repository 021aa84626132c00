using System.Globalization;

namespace Edge.Imaging.Eligibility;

/// <summary>
/// The value of a series property as rules see it: the attribute's values as text (multi-valued attributes keep each
/// value), or a boolean for derived flags such as <c>Contrast</c>. Numeric conditions parse the text invariantly.
/// </summary>
public sealed class PropertyValue
{
    private PropertyValue(string[] values, bool? flag)
    {
        Values = values;
        Flag = flag;
    }

    public IReadOnlyList<string> Values { get; }

    /// <summary>Set for boolean properties only.</summary>
    public bool? Flag { get; }

    public bool IsEmpty => Flag is null && Values.All(string.IsNullOrWhiteSpace);

    public static PropertyValue FromStrings(params string[] values) => new(values, null);

    public static PropertyValue FromNumbers(params double[] values) =>
        new([.. values.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture))], null);

    public static PropertyValue FromBoolean(bool value) => new([value ? "true" : "false"], value);

    /// <summary>The values as numbers; false (with the offending text) when one is not a number.</summary>
    public bool TryGetNumbers(out double[] numbers, out string? notNumber)
    {
        numbers = new double[Values.Count];
        for (int i = 0; i < Values.Count; i++)
        {
            if (!double.TryParse(Values[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                notNumber = Values[i];
                return false;
            }
        }

        notNumber = null;
        return numbers.Length > 0;
    }

    /// <summary>As DICOM writes it: values joined by a backslash.</summary>
    public override string ToString() => Flag is { } f ? (f ? "true" : "false") : string.Join('\\', Values);
}
