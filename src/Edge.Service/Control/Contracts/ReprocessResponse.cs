namespace Edge.Service.Control.Contracts;

/// <summary><c>POST /series/{uid}/reprocess</c>: the job that will run the series again.</summary>
public sealed record ReprocessResponse(long JobId, int Generation, string SeriesInstanceUid);
