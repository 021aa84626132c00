namespace Edge.Service.Control.Contracts;

/// <summary>
/// One row of <c>GET /results</c>. The local identifiers let an operator on this box find a patient's result; the
/// control socket is reachable only by root and the <c>edge</c> group, and none of this is ever synced.
/// </summary>
public sealed record ResultListItem(
    Guid Id,
    DateTimeOffset CreatedAt,
    string Decision,
    int Generation,
    string SeriesInstanceUid,
    string? PatientName,
    string? PatientId,
    string? AccessionNumber,
    string? StudyDate,
    double? MaxProbability,
    int Findings,
    string? ExecutionProvider,
    double? TotalMs,
    string? FailureReason);
