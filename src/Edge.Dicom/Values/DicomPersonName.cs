namespace Edge.Dicom;

/// <summary>
/// A PN value (PS3.5 §6.2.1): up to three component groups (alphabetic, ideographic, phonetic), each with up to
/// five '^'-separated components: family, given, middle, prefix, suffix.
/// </summary>
public sealed class DicomPersonName : IEquatable<DicomPersonName>
{
    private const int ComponentCount = 5;

    public DicomPersonName(string alphabetic, string ideographic = "", string phonetic = "")
    {
        ArgumentNullException.ThrowIfNull(alphabetic);
        ArgumentNullException.ThrowIfNull(ideographic);
        ArgumentNullException.ThrowIfNull(phonetic);
        Alphabetic = TrimGroup(alphabetic);
        Ideographic = TrimGroup(ideographic);
        Phonetic = TrimGroup(phonetic);
    }

    /// <summary>The alphabetic group as encoded, e.g. <c>Doe^John^^Dr</c>, with trailing '^' and spaces removed.</summary>
    public string Alphabetic { get; }

    public string Ideographic { get; }

    public string Phonetic { get; }

    public string FamilyName => GetComponent(DicomPersonNameGroup.Alphabetic, 0);

    public string GivenName => GetComponent(DicomPersonNameGroup.Alphabetic, 1);

    public string MiddleName => GetComponent(DicomPersonNameGroup.Alphabetic, 2);

    public string NamePrefix => GetComponent(DicomPersonNameGroup.Alphabetic, 3);

    public string NameSuffix => GetComponent(DicomPersonNameGroup.Alphabetic, 4);

    public bool IsEmpty => Alphabetic.Length == 0 && Ideographic.Length == 0 && Phonetic.Length == 0;

    /// <summary>Parses one PN value (no backslash): <c>alphabetic=ideographic=phonetic</c>.</summary>
    public static DicomPersonName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] groups = value.Split('=');
        return new DicomPersonName(
            groups.Length > 0 ? groups[0] : string.Empty,
            groups.Length > 1 ? groups[1] : string.Empty,
            groups.Length > 2 ? groups[2] : string.Empty);
    }

    public static DicomPersonName FromComponents(string familyName, string givenName = "", string middleName = "", string prefix = "", string suffix = "")
        => new(string.Join('^', familyName, givenName, middleName, prefix, suffix));

    public string GetGroup(DicomPersonNameGroup group) => group switch
    {
        DicomPersonNameGroup.Alphabetic => Alphabetic,
        DicomPersonNameGroup.Ideographic => Ideographic,
        DicomPersonNameGroup.Phonetic => Phonetic,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>The five components of a group; missing ones are empty.</summary>
    public string[] GetComponents(DicomPersonNameGroup group)
    {
        string[] parts = GetGroup(group).Split('^');
        var result = new string[ComponentCount];
        for (int i = 0; i < ComponentCount; i++)
        {
            result[i] = i < parts.Length ? parts[i].Trim() : string.Empty;
        }

        return result;
    }

    /// <summary>A component of a group; <paramref name="index"/> 0-4 is family, given, middle, prefix, suffix.</summary>
    public string GetComponent(DicomPersonNameGroup group, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ComponentCount);
        return GetComponents(group)[index];
    }

    /// <summary>The DICOM encoding, trailing empty groups removed.</summary>
    public override string ToString()
    {
        if (Phonetic.Length > 0)
        {
            return $"{Alphabetic}={Ideographic}={Phonetic}";
        }

        return Ideographic.Length > 0 ? $"{Alphabetic}={Ideographic}" : Alphabetic;
    }

    public bool Equals(DicomPersonName? other) => other is not null && other.ToString() == ToString();

    public override bool Equals(object? obj) => Equals(obj as DicomPersonName);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private static string TrimGroup(string group) => group.TrimEnd(' ', '\0', '^');
}
