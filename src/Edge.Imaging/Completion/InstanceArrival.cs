namespace Edge.Imaging.Completion;

/// <summary>
/// One instance that arrived: from the SCP's stored-instance event (with its association) or from a folder scan
/// (<see cref="AssociationId"/> null).
/// </summary>
public sealed record InstanceArrival(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string? FilePath = null,
    string? AssociationId = null);
