namespace Edge.Inference.Screening;

/// <summary>The wire spelling of decisions in reports and MQTT summaries.</summary>
public static class ScreeningDecisionNames
{
    public static string Json(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Suspicious => "suspicious",
        ScreeningDecision.Negative => "negative",
        ScreeningDecision.NotEligible => "not_eligible",
        _ => "failed",
    };
}
