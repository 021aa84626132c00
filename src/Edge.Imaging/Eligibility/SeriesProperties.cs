namespace Edge.Imaging.Eligibility;

/// <summary>
/// What rules can ask about a series: derived properties (set by assembly: <c>SliceThickness</c>, <c>SliceCount</c>,
/// <c>ZCoverageMm</c>, <c>Contrast</c>, <c>BodyPart</c>, <c>Kernel</c>, <c>Orientation</c>, ...) take precedence,
/// then any DICOM keyword through the lookup (typically the first image of the chosen stack). Names ignore case.
/// </summary>
public sealed class SeriesProperties
{
    private readonly Dictionary<string, PropertyValue> _derived = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, PropertyValue?>? _keywordLookup;

    public SeriesProperties(Func<string, PropertyValue?>? keywordLookup = null) => _keywordLookup = keywordLookup;

    public IReadOnlyDictionary<string, PropertyValue> Derived => _derived;

    public SeriesProperties Set(string name, PropertyValue value)
    {
        _derived[name] = value;
        return this;
    }

    public bool TryGet(string name, out PropertyValue value)
    {
        if (_derived.TryGetValue(name, out value!))
        {
            return true;
        }

        PropertyValue? found = _keywordLookup?.Invoke(name);
        if (found is null || found.IsEmpty)
        {
            value = null!;
            return false;
        }

        value = found;
        return true;
    }
}
