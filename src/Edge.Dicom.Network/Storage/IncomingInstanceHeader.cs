using System.Net;

namespace Edge.Dicom.Network.Storage;

/// <summary>What the C-STORE command and the association say about an instance before its data set arrives.</summary>
public sealed record IncomingInstanceHeader(
    string SopClassUid,
    string SopInstanceUid,
    DicomTransferSyntax TransferSyntax,
    string CallingAeTitle,
    IPAddress? RemoteAddress,
    long AssociationId);
