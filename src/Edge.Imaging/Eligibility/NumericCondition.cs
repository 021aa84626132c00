namespace Edge.Imaging.Eligibility;

/// <summary>Base of numeric conditions: every value of the attribute must be a number that satisfies <see cref="Holds"/>.</summary>
public abstract class NumericCondition(string property) : RuleCondition(property)
{
    protected abstract bool Holds(double value);

    protected override ConditionResult Evaluate(PropertyValue value)
    {
        if (!value.TryGetNumbers(out double[] numbers, out string? bad))
        {
            return Fail($"{Property} '{bad ?? value.ToString()}' is not a number (required {Describe()})");
        }

        foreach (double n in numbers)
        {
            if (!Holds(n))
            {
                return Fail($"{Property} {Number(n)} is not {Describe()}");
            }
        }

        return Pass($"{Property} {value} is {Describe()}");
    }
}
