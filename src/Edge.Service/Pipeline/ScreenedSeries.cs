using Edge.Imaging.Assembly;
using Edge.Inference.Screening;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>
/// A series after inference: its record, its volume, the result handed to the summary stage, and the inference layer's
/// report with each model's label map (null when no model ran), which result objects such as DICOM SEG need.
/// </summary>
public sealed record ScreenedSeries(JobRecord Job, SeriesRecord Series, AssembledVolume Assembled, ResultRecord Result, ScreeningReport? Report = null);
