namespace Edge.Reporting;

/// <summary>When key images carry the "not for diagnosis" banner.</summary>
public enum BannerMode
{
    /// <summary>When the model card says its output is not for clinical use.</summary>
    Auto,
    Always,
    Never,
}
