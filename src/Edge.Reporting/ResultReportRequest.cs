using Edge.Imaging;
using Edge.Inference.Screening;
using Edge.Reporting.Sources;

namespace Edge.Reporting;

/// <summary>One model's result on one series, with what the result objects are built from.</summary>
public sealed record ResultReportRequest
{
    public required SourceSeries Source { get; init; }

    public required ModelResult Result { get; init; }

    public required AlgorithmDescription Algorithm { get; init; }

    /// <summary>The assembled volume (on <see cref="SourceSeries.Geometry"/>); key images need it.</summary>
    public CtVolume? Volume { get; init; }

    /// <summary>The model's label map, on any grid (it is mapped onto the source grid); the SEG and outlines need it.</summary>
    public LabelVolume? Labels { get; init; }

    /// <summary>Seeds every UID (see <see cref="Dicom.ResultUids"/>): the result's id, so rebuilding gives the same objects.</summary>
    public required string UidSeed { get; init; }

    /// <summary>Content date and time of the objects: when the result was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
