using Edge.Imaging.Geometry;

namespace Edge.Imaging.Eligibility;

/// <summary>
/// The stack's plane is one of the allowed ones (Axial, Coronal, Sagittal, Oblique) and none of the excluded
/// ones. Used for <c>Orientation</c> and, as MONAI Deploy's selector does, for <c>ImageOrientationPatient</c>.
/// </summary>
public sealed class OrientationCondition : RuleCondition
{
    public OrientationCondition(string property, IReadOnlyList<SliceOrientation> allowed, IReadOnlyList<SliceOrientation> excluded)
        : base(property)
    {
        Allowed = allowed;
        Excluded = excluded;
    }

    public IReadOnlyList<SliceOrientation> Allowed { get; }

    public IReadOnlyList<SliceOrientation> Excluded { get; }

    public override string Describe() =>
        string.Join(" or ", Allowed) + (Excluded.Count > 0 ? $" and not {string.Join(" or ", Excluded)}" : string.Empty);

    /// <summary>Whatever the keyword, the derived plane is tested.</summary>
    protected override string SourceProperty => DerivedProperty.Orientation;

    protected override ConditionResult Evaluate(PropertyValue value)
    {
        if (!Enum.TryParse(value.ToString(), ignoreCase: true, out SliceOrientation actual))
        {
            return Fail($"{Property} '{value}' is not a known orientation");
        }

        bool ok = (Allowed.Count == 0 || Allowed.Contains(actual)) && !Excluded.Contains(actual);
        return ok ? Pass($"orientation {actual} is {Describe()}") : Fail($"orientation {actual} is not {Describe()}");
    }
}
