namespace Edge.Imaging.Eligibility;

/// <summary>
/// true/false: for a boolean property (Contrast) its value; for any other attribute, whether it is present and not
/// empty (false holds when the attribute is absent).
/// </summary>
public sealed class BooleanCondition(string property, bool expected) : RuleCondition(property)
{
    public bool Expected => expected;

    public override string Describe() => expected ? "true (present)" : "false (absent)";

    protected override ConditionResult Evaluate(PropertyValue value)
    {
        bool actual = value.Flag ?? !value.IsEmpty;
        string shown = value.Flag is null ? $"present ('{value}')" : actual ? "true" : "false";
        return actual == expected
            ? Pass($"{Property} is {shown}")
            : Fail($"{Property} is {shown}, required {(expected ? "true" : "false")}");
    }

    protected override ConditionResult EvaluateAbsent() =>
        expected ? Fail($"{Property} is absent, required true") : Pass($"{Property} is absent");
}
