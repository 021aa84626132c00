using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Server;

/// <summary>
/// What the storage SCP tells the rest of the application. Handlers run on the association's own task, in order, and
/// the association waits for them: they MUST be cheap and only enqueue (for example into a bounded channel). A handler
/// that throws is logged and ignored; it never changes what the peer is told.
/// </summary>
public interface IStorageEvents
{
    /// <summary>An association was accepted.</summary>
    void AssociationOpened(AssociationInfo association);

    /// <summary>
    /// An instance is durably stored (file and directory flushed); the Success response follows this call. Not
    /// raised for a duplicate kept under <see cref="DuplicatePolicy.KeepFirst"/>.
    /// </summary>
    void InstanceStored(StoredInstance instance);

    /// <summary>An association (accepted or not) ended; <see cref="AssociationSummary.EndReason"/> says how.</summary>
    void AssociationClosed(AssociationSummary summary);
}
