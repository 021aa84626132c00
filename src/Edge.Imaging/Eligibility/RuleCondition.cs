using System.Globalization;

namespace Edge.Imaging.Eligibility;

/// <summary>One condition of a model's selection rule, on one property. See RULES.md for the JSON forms.</summary>
public abstract class RuleCondition
{
    protected RuleCondition(string property) => Property = property;

    public string Property { get; }

    /// <summary>The condition as a rule author would read it, e.g. <c>in [0.5, 5]</c>.</summary>
    public abstract string Describe();

    /// <summary>Evaluates the condition against the series; an absent property fails unless the condition allows it.</summary>
    public ConditionResult Evaluate(SeriesProperties series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.TryGet(SourceProperty, out PropertyValue value)
            ? Evaluate(value)
            : EvaluateAbsent();
    }

    /// <summary>The property whose value is tested; usually <see cref="Property"/> itself.</summary>
    protected virtual string SourceProperty => Property;

    protected abstract ConditionResult Evaluate(PropertyValue value);

    protected virtual ConditionResult EvaluateAbsent() => Fail($"{Property} is absent (required {Describe()})");

    protected ConditionResult Pass(string reason) => new(Property, true, reason);

    protected ConditionResult Fail(string reason) => new(Property, false, reason);

    protected static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
