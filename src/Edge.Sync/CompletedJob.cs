using Edge.Store.Documents;

namespace Edge.Sync;

/// <summary>A processed series handed from the pipeline's results stage to the summary stage.</summary>
public sealed record CompletedJob(long JobId, SeriesRecord Series, ResultRecord Result);
