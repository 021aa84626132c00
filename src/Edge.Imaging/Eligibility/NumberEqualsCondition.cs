namespace Edge.Imaging.Eligibility;

/// <summary>Every value equals the number (relative tolerance 1e-6, as DS values carry about 6 digits after a round trip).</summary>
public sealed class NumberEqualsCondition(string property, double expected) : NumericCondition(property)
{
    public double Expected => expected;

    public override string Describe() => $"= {Number(expected)}";

    protected override bool Holds(double value) => Math.Abs(value - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected));
}
