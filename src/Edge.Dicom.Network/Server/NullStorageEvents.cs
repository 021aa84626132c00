using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Server;

/// <summary>Events nobody listens to.</summary>
public sealed class NullStorageEvents : IStorageEvents
{
    public static NullStorageEvents Instance { get; } = new();

    public void AssociationOpened(AssociationInfo association)
    {
    }

    public void InstanceStored(StoredInstance instance)
    {
    }

    public void AssociationClosed(AssociationSummary summary)
    {
    }
}
