using Edge.Imaging.Assembly;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>A leased job whose volume is assembled, on its way from the assembly stage to the inference stage.</summary>
public sealed record AssembledSeries(JobRecord Job, SeriesRecord Series, AssembledVolume Assembled, double AssemblyMs);
