namespace Edge.Inference.Packages;

/// <summary>One output class of the main network: its channel, the value it takes in the label map, and its codes.</summary>
public sealed record OutputLabel
{
    public required int Channel { get; init; }
    public required int Value { get; init; }
    public required string Name { get; init; }
    public required LabelRole Role { get; init; }

    /// <summary>Segmented property category (e.g. SCT 49755003 "Morphologically Altered Structure").</summary>
    public CodedConcept? Category { get; init; }

    /// <summary>Segmented property type (e.g. SCT 52988006 "Lesion").</summary>
    public CodedConcept? Type { get; init; }

    /// <summary>Anatomic region the finding lies in (e.g. SCT 15776009 "Pancreas").</summary>
    public CodedConcept? AnatomicRegion { get; init; }
}
