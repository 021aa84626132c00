namespace Edge.Imaging.Eligibility;

/// <summary>Every value compares to the number with the operator (&lt;, &lt;=, &gt;, &gt;=, ==, !=).</summary>
public sealed class ComparisonCondition(string property, ComparisonOperator op, double operand) : NumericCondition(property)
{
    public ComparisonOperator Operator => op;

    public double Operand => operand;

    public override string Describe() => $"{Symbol(op)} {Number(operand)}";

    protected override bool Holds(double value) => op switch
    {
        ComparisonOperator.Less => value < operand,
        ComparisonOperator.LessOrEqual => value <= operand,
        ComparisonOperator.Greater => value > operand,
        ComparisonOperator.GreaterOrEqual => value >= operand,
        ComparisonOperator.Equal => Math.Abs(value - operand) <= 1e-6 * Math.Max(1, Math.Abs(operand)),
        _ => Math.Abs(value - operand) > 1e-6 * Math.Max(1, Math.Abs(operand)),
    };

    // "!= x" holds when there is no value at all.
    protected override ConditionResult EvaluateAbsent() =>
        op == ComparisonOperator.NotEqual ? Pass($"{Property} is absent, so it is {Describe()}") : base.EvaluateAbsent();

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "==",
        _ => "!=",
    };
}
