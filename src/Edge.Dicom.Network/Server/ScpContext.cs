using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Dicom.Network.Server;

/// <summary>What every association of one server shares.</summary>
internal sealed record ScpContext(
    DicomServerOptions Options,
    ScpNegotiator Negotiator,
    InstanceStore Store,
    DiskSpaceMonitor Disk,
    MemoryBudget Budget,
    AssociationLimiter Limiter,
    IReadOnlyList<AllowedCaller> AllowedCallers,
    IStorageEvents Events,
    PduLimits Limits,
    UpperLayerTimeouts Timeouts,
    ILogger Logger);
