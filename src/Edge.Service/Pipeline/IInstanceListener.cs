using Edge.Dicom.Network.Storage;

namespace Edge.Service.Pipeline;

/// <summary>
/// Extension point on stage 1: told of every instance the SCP has made durable, on the association's own task, before
/// the modality gets its Success. An implementation (forwarding originals to PACS, say) must only enqueue, into its own
/// durable or bounded queue, and never wait: the scanner waits on it. Register it as a singleton
/// <see cref="IInstanceListener"/>; exceptions are caught and logged by the SCP.
/// </summary>
public interface IInstanceListener
{
    void InstanceStored(StoredInstance instance);
}
