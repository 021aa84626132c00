namespace Edge.Imaging.Eligibility;

/// <summary>One model's selection rule: all of its conditions must hold (logical AND).</summary>
public sealed class ModelRule(string name, IReadOnlyList<RuleCondition> conditions, string? description = null)
{
    public string Name => name;

    public string? Description => description;

    public IReadOnlyList<RuleCondition> Conditions => conditions;

    public EligibilityResult Evaluate(SeriesProperties series)
    {
        var results = new List<ConditionResult>(conditions.Count);
        foreach (RuleCondition condition in conditions)
        {
            results.Add(condition.Evaluate(series));
        }

        ConditionResult? failed = results.FirstOrDefault(r => !r.Passed);
        int failures = results.Count(r => !r.Passed);
        string reason = failed is not null
            ? failed.Reason + (failures > 1 ? $" (and {failures - 1} more condition{(failures > 2 ? "s" : string.Empty)} failed)" : string.Empty)
            : $"all {results.Count} conditions met";
        return new EligibilityResult(name, failed is null, reason, results);
    }
}
