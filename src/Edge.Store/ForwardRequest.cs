using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>An instance to queue for one destination.</summary>
public sealed record ForwardRequest(
    string Destination,
    ForwardKind Kind,
    string Path,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid);
