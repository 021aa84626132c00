namespace Edge.Service.Control.Contracts;

/// <summary>Series in the pipeline: still arriving, queued as jobs, in processing, and finished.</summary>
public sealed record QueueStatus(int SeriesReceiving, int Queued, int Processing, int Done, int Failed);
