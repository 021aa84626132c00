using System.Net;

namespace Edge.Dicom.Network.Storage;

/// <summary>An instance that is durably on disk (fsynced and renamed into place) and was acknowledged with Success.</summary>
public sealed record StoredInstance(
    string Path,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    string CallingAeTitle,
    IPAddress? RemoteAddress,
    long AssociationId,
    long SizeBytes,
    DateTimeOffset ReceivedAt,
    bool ReplacedExisting);
