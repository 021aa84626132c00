using Edge.Imaging.Assembly;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>A series after inference: its record, its volume and the result handed to the summary stage.</summary>
public sealed record ScreenedSeries(JobRecord Job, SeriesRecord Series, AssembledVolume Assembled, ResultRecord Result);
