namespace Edge.Dicom.Network.Client;

/// <summary>What happened to one instance; the caller decides whether to retry.</summary>
public sealed record StoreResult(
    string Path,
    string? SopInstanceUid,
    StoreResultKind Kind,
    ushort? Status,
    string? Detail,
    long Bytes,
    string? TransferSyntaxUid)
{
    public bool Succeeded => Kind is StoreResultKind.Stored or StoreResultKind.StoredWithWarning;

    public override string ToString() => Kind switch
    {
        StoreResultKind.Stored => $"{Path}: stored",
        StoreResultKind.StoredWithWarning => $"{Path}: stored with warning {Dimse.DimseStatus.Describe(Status ?? 0)} {Detail}".TrimEnd(),
        StoreResultKind.Failed => $"{Path}: failed, {Dimse.DimseStatus.Describe(Status ?? 0)} {Detail}".TrimEnd(),
        _ => $"{Path}: not sent, {Detail}",
    };
}
