using Edge.Service.Health;
using Edge.Sync.Messages;

namespace Edge.Service.Control.Contracts;

/// <summary><c>GET /status</c>: everything an operator checks first, in one document.</summary>
public sealed record StatusResponse(
    string Version,
    string DeviceId,
    string SiteId,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    string? ExecutionProvider,
    IReadOnlyList<ModelIdentity> Models,
    DicomStatus Dicom,
    QueueStatus Queue,
    ResultCounts Results,
    OutboxStatus Outbox,
    MqttStatus Mqtt,
    StorageStatus Storage,
    ProcessStatus Process,
    IReadOnlyList<StageSnapshot> Stages,
    IReadOnlyList<string> Alarms,
    ForwardingStatus? Forwarding = null);
