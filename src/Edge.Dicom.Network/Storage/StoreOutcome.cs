namespace Edge.Dicom.Network.Storage;

/// <summary>The DIMSE status a C-STORE earns, with the stored instance when it is on disk.</summary>
public sealed record StoreOutcome(ushort Status, string? ErrorComment, StoredInstance? Instance)
{
    public static StoreOutcome Stored(StoredInstance instance) => new(Dimse.DimseStatus.Success, null, instance);

    public static StoreOutcome Failed(ushort status, string comment) => new(status, comment, null);
}
