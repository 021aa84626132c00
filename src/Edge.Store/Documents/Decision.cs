namespace Edge.Store.Documents;

/// <summary>The outcome of one model, or of a whole series (the most severe of its models).</summary>
public enum Decision
{
    /// <summary>A model flagged the series; it raises an alert.</summary>
    Suspicious,

    /// <summary>Every eligible model ran and found nothing above its threshold.</summary>
    Negative,

    /// <summary>No model applies to this series (wrong modality, contrast, thickness, coverage ...).</summary>
    NotEligible,

    /// <summary>Processing failed; the reason is recorded.</summary>
    Failed,
}
