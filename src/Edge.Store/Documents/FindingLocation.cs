namespace Edge.Store.Documents;

/// <summary>
/// Where a finding lies: an anatomical region code and the centre in voxel indices of the assembled volume
/// (column, row, slice), which is enough to find the key slice and says nothing about the patient.
/// </summary>
public sealed class FindingLocation
{
    /// <summary>Region code from the model card, e.g. <c>pancreas_head</c>.</summary>
    public string? Region { get; set; }

    public int? Column { get; set; }

    public int? Row { get; set; }

    public int? Slice { get; set; }
}
