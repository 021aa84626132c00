namespace Edge.Reporting;

public enum ResultObjectKind
{
    StructuredReport,
    KeyImage,
    Segmentation,
}
