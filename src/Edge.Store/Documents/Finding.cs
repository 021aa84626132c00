namespace Edge.Store.Documents;

/// <summary>One lesion (or other finding) a model reports; mirrors Edge.Inference's Screening.Finding.</summary>
public sealed class Finding
{
    /// <summary>What was found, as a label from the model card, e.g. <c>lesion</c>.</summary>
    public string Label { get; set; } = "";

    /// <summary>Mean probability of the label over the finding's voxels, 0..1.</summary>
    public double? Probability { get; set; }

    /// <summary>Volume in millilitres (cm³).</summary>
    public double? VolumeMl { get; set; }

    /// <summary>Largest diameter in millimetres.</summary>
    public double? MaxDiameterMm { get; set; }

    /// <summary>Region of the organ the centroid lies in (e.g. <c>head</c>, <c>body</c>, <c>tail</c>).</summary>
    public string? Location { get; set; }

    /// <summary>Centroid in the scanner's patient coordinates (LPS, mm): where to look, not who it is.</summary>
    public double[]? CentroidLps { get; set; }

    public int? VoxelCount { get; set; }
}
