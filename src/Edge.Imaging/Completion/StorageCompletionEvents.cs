using System.Globalization;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;

namespace Edge.Imaging.Completion;

/// <summary>
/// Feeds the storage SCP's events into a <see cref="SeriesCompletionTracker"/>. Each handler is a few dictionary
/// operations under one lock, cheap enough for the SCP to wait on, as <see cref="IStorageEvents"/> requires.
/// </summary>
public sealed class StorageCompletionEvents(SeriesCompletionTracker tracker) : IStorageEvents
{
    public void AssociationOpened(AssociationInfo association)
    {
        ArgumentNullException.ThrowIfNull(association);
        tracker.AssociationOpened(Key(association.Id));
    }

    public void InstanceStored(StoredInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        tracker.InstanceReceived(new InstanceArrival(
            instance.StudyInstanceUid, instance.SeriesInstanceUid, instance.SopInstanceUid, instance.Path, Key(instance.AssociationId)));
    }

    public void AssociationClosed(AssociationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        tracker.AssociationClosed(Key(summary.Id), released: summary.EndReason == AssociationEndReason.Released);
    }

    private static string Key(long associationId) => associationId.ToString(CultureInfo.InvariantCulture);
}
