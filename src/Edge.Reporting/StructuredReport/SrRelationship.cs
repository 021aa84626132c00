namespace Edge.Reporting.StructuredReport;

/// <summary>Relationship Type defined terms (PS3.3 C.17.3.2.4).</summary>
internal static class SrRelationship
{
    public const string Contains = "CONTAINS";
    public const string HasObservationContext = "HAS OBS CONTEXT";
    public const string HasConceptModifier = "HAS CONCEPT MOD";
    public const string HasAcquisitionContext = "HAS ACQ CONTEXT";
    public const string HasProperties = "HAS PROPERTIES";
}
