namespace Edge.Store.Documents;

/// <summary>One lesion (or other finding) that a model reports.</summary>
public sealed class Finding
{
    /// <summary>What was found, as a code from the model card, e.g. <c>pancreatic_lesion</c>.</summary>
    public string Label { get; set; } = "";

    /// <summary>Model confidence for this finding, 0..1, when the model gives one.</summary>
    public double? Probability { get; set; }

    /// <summary>Volume in millilitres (cm³).</summary>
    public double? VolumeMl { get; set; }

    /// <summary>Largest diameter in millimetres.</summary>
    public double? MaxDiameterMm { get; set; }

    /// <summary>Where in the volume; anatomical region plus voxel indices, never patient coordinates.</summary>
    public FindingLocation? Location { get; set; }
}
