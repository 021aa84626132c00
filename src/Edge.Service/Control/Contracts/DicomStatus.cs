namespace Edge.Service.Control.Contracts;

/// <summary>The SCP: who we are on the network, and what arrived since start.</summary>
public sealed record DicomStatus(
    string AeTitle,
    int Port,
    long OpenAssociations,
    long Associations,
    long InstancesReceived,
    long InstancesFailed,
    long BytesReceived,
    DateTimeOffset? LastReceivedAt);
