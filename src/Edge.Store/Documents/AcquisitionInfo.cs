namespace Edge.Store.Documents;

/// <summary>
/// Technical facts about how a series was acquired: what the summary may carry. Nothing here identifies a
/// person; free text (manufacturer, model name) is still length-limited and screened by the summary builder.
/// </summary>
public sealed class AcquisitionInfo
{
    public string? Modality { get; set; }

    public string? Manufacturer { get; set; }

    public string? ManufacturerModelName { get; set; }

    public int SliceCount { get; set; }

    public double? SliceThicknessMm { get; set; }

    public double? KvP { get; set; }

    public int? Rows { get; set; }

    public int? Columns { get; set; }

    public string? BodyPartExamined { get; set; }

    public string? ConvolutionKernel { get; set; }

    /// <summary>True when the series shows contrast agent (Contrast/Bolus Agent present).</summary>
    public bool? ContrastAgent { get; set; }
}
