using Edge.Inference.Packages;

namespace Edge.Reporting.Segmentation;

/// <summary>One segment of the SEG (PS3.3 C.8.20.4, Segment Description Macro) and the colour viewers should give it.</summary>
public sealed record SegmentDefinition
{
    public required int Number { get; init; }

    public required string Label { get; init; }

    public required CodedConcept Category { get; init; }

    public required CodedConcept Type { get; init; }

    public CodedConcept? AnatomicRegion { get; init; }

    public required string TrackingId { get; init; }

    public required string TrackingUid { get; init; }

    /// <summary>True for a finding (drawn as the key images' outline), false for the organ.</summary>
    public required bool IsFinding { get; init; }

    /// <summary>sRGB display colour.</summary>
    public required (byte R, byte G, byte B) Color { get; init; }
}
