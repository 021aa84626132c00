using Edge.Store.Documents;

namespace Edge.Sync.Summaries;

/// <summary>The wire spelling of decisions (the schema's <c>decision</c> enum).</summary>
public static class DecisionNames
{
    public static string Json(Decision decision) => decision switch
    {
        Decision.Suspicious => "suspicious",
        Decision.Negative => "negative",
        Decision.NotEligible => "not_eligible",
        _ => "failed",
    };
}
