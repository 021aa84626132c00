using System.Text.RegularExpressions;

namespace Edge.Imaging.Eligibility;

/// <summary>
/// A string condition: the value must match the pattern in full, ignoring case (any single value of a multi-valued
/// attribute, or all values joined by a backslash). A leading <c>!</c> negates it.
/// </summary>
public sealed class RegexCondition : RuleCondition
{
    /// <summary>DICOM values come from the network; a pathological pattern must not stall the service.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    public RegexCondition(string property, string pattern, bool negated)
        : base(property)
    {
        Pattern = pattern;
        Negated = negated;
        _regex = new Regex($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }

    public string Pattern { get; }

    public bool Negated { get; }

    public override string Describe() => Negated ? $"not matching /{Pattern}/" : $"matching /{Pattern}/";

    protected override ConditionResult Evaluate(PropertyValue value)
    {
        bool matched;
        try
        {
            matched = _regex.IsMatch(value.ToString()) || value.Values.Any(v => _regex.IsMatch(v.Trim()));
        }
        catch (RegexMatchTimeoutException)
        {
            return Fail($"{Property} '{value}' took too long to match /{Pattern}/");
        }

        string text = $"{Property} '{value}'";
        return matched != Negated
            ? Pass($"{text} {(Negated ? "does not match" : "matches")} /{Pattern}/")
            : Fail($"{text} {(Negated ? "matches excluded" : "does not match")} /{Pattern}/");
    }

    // "Must not match" holds when there is nothing to match.
    protected override ConditionResult EvaluateAbsent() =>
        Negated ? Pass($"{Property} is absent, so it does not match /{Pattern}/") : base.EvaluateAbsent();
}
