namespace Edge.Imaging.Eligibility;

/// <summary>Every value lies in [min, max] (inclusive); either end may be open.</summary>
public sealed class RangeCondition : NumericCondition
{
    public RangeCondition(string property, double? min, double? max)
        : base(property)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A range needs at least one end.");
        }

        if (min > max)
        {
            throw new ArgumentException($"Range minimum {min} exceeds maximum {max}.");
        }

        Min = min;
        Max = max;
    }

    public double? Min { get; }

    public double? Max { get; }

    public override string Describe() =>
        $"in [{(Min is { } a ? Number(a) : "-inf")}, {(Max is { } b ? Number(b) : "inf")}]";

    protected override bool Holds(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);
}
