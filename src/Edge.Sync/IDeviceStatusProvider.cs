using Edge.Sync.Messages;

namespace Edge.Sync;

/// <summary>What the host tells sync about the device, for the status and heartbeat messages.</summary>
public interface IDeviceStatusProvider
{
    /// <summary>Software version reported in status and heartbeat.</summary>
    string Version { get; }

    /// <summary>The models the device runs.</summary>
    IReadOnlyList<ModelIdentity> Models { get; }

    /// <summary>ONNX Runtime execution provider in use (TensorRT, CUDA, CPU), once known.</summary>
    string? ExecutionProvider { get; }

    /// <summary>A path on the data partition, for disk free.</summary>
    string DataPath { get; }

    /// <summary>Host alarms, e.g. <c>low_disk</c>; sync adds its own.</summary>
    IReadOnlyList<string> Alarms { get; }

    /// <summary>Dead letters outside the outbox (the DICOM forwarding queue), added to the heartbeat's count.</summary>
    long OtherDeadLetters { get; }
}
