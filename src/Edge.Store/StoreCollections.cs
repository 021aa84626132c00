namespace Edge.Store;

/// <summary>Collection names; a name is part of the on-disk format, so these never change.</summary>
internal static class StoreCollections
{
    public const string Series = "series";
    public const string Jobs = "jobs";
    public const string Results = "results";
    public const string Outbox = "outbox";
    public const string Audit = "audit";
    public const string Counters = "counters";

    /// <summary>Reserved for the DICOM forwarding queue (originals and result objects to PACS).</summary>
    public const string Forwarding = "forwarding";
}
