namespace Edge.Imaging.Eligibility;

/// <summary>
/// Set matching on a multi-valued attribute (ImageType): every required value must be among the attribute's
/// values and no excluded one (<c>!VALUE</c> in JSON) may be. Values compare exactly, ignoring case and padding.
/// </summary>
public sealed class SetCondition : RuleCondition
{
    public SetCondition(string property, IReadOnlyList<string> required, IReadOnlyList<string> excluded)
        : base(property)
    {
        Required = required;
        Excluded = excluded;
    }

    public IReadOnlyList<string> Required { get; }

    public IReadOnlyList<string> Excluded { get; }

    public override string Describe() =>
        $"[{string.Join(", ", Required.Concat(Excluded.Select(e => "!" + e)))}]";

    protected override ConditionResult Evaluate(PropertyValue value)
    {
        var present = new HashSet<string>(value.Values.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
        string? missing = Required.FirstOrDefault(r => !present.Contains(r));
        if (missing is not null)
        {
            return Fail($"{Property} '{value}' lacks {missing} (required {Describe()})");
        }

        string? excluded = Excluded.FirstOrDefault(present.Contains);
        return excluded is not null
            ? Fail($"{Property} '{value}' contains excluded {excluded}")
            : Pass($"{Property} '{value}' matches {Describe()}");
    }

    // With no values nothing excluded is present; only required values can fail.
    protected override ConditionResult EvaluateAbsent() =>
        Required.Count == 0 ? Pass($"{Property} is absent, so it holds none of {Describe()}") : base.EvaluateAbsent();
}
